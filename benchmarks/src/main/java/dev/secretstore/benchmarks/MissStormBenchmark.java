package dev.secretstore.benchmarks;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Miss storm: 16 threads, released together, each asking for the same 100 uncached secrets (each thread starting
 * at a different one of them), AWS emulator with 5 ms of latency per request. {@code ·requests} is what the
 * emulator saw; the target is one request per distinct secret (100) for single reads. Each iteration starts with
 * an empty cache. Ours with {@code read(name)} per name and with one {@code readAll} of the 100 per thread, and
 * AWS's caching client with {@code getSecretString} per name.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class MissStormBenchmark {
    static final int THREADS = 16;
    static final int SECRETS = 100;

    private AwsWorld aws;
    private SecretStore ours;
    private com.amazonaws.secretsmanager.caching.SecretCache theirs;

    @Setup(Level.Trial)
    public void setUp() {
        aws = new AwsWorld(SECRETS, 64);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        aws.close();
    }

    @Setup(Level.Iteration)
    public void open() {
        aws.latency(Duration.ZERO);
        ours = SecretStores.open(aws.config(Map.of()));
        theirs = new com.amazonaws.secretsmanager.caching.SecretCache(aws.client());
        aws.latency(Duration.ofMillis(5));
    }

    @TearDown(Level.Iteration)
    public void close() {
        ours.close();
        theirs.close();
    }

    private long storm(IntConsumer perThread) throws InterruptedException {
        long before = aws.requests();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t * (SECRETS / THREADS);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    perThread.accept(offset);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.get(0));
        }
        return aws.requests() - before;
    }

    @Benchmark
    public void oursRead(RequestCounters counters) throws InterruptedException {
        counters.requests += storm(offset -> {
            for (int i = 0; i < SECRETS; i++) {
                ours.read(aws.names.get((offset + i) % SECRETS));
            }
        });
    }

    @Benchmark
    public void oursReadAll(RequestCounters counters) throws InterruptedException {
        counters.requests += storm(offset -> {
            List<SecretName> rotated = new ArrayList<>(aws.names.subList(offset, SECRETS));
            rotated.addAll(aws.names.subList(0, offset));
            ours.readAll(rotated).values().forEach(r -> r.secret().orElseThrow());
        });
    }

    @Benchmark
    public void awsCachingClient(RequestCounters counters) throws InterruptedException {
        counters.requests += storm(offset -> {
            for (int i = 0; i < SECRETS; i++) {
                theirs.getSecretString(aws.names.get((offset + i) % SECRETS).value());
            }
        });
    }
}
