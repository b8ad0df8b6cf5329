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
import java.util.function.LongSupplier;
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
 * AWS's caching client with {@code getSecretString} per name; ours with {@code read(name)} also over the Azure and
 * GCP providers (their emulators, 5 ms per request; each in its own state, so only its benchmark starts it).
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
        return storm(aws::requests, perThread);
    }

    private static long storm(LongSupplier requests, IntConsumer perThread) throws InterruptedException {
        long before = requests.getAsLong();
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
        return requests.getAsLong() - before;
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

    /** The same storm through our cache over the Azure provider (Key Vault emulator, 5 ms per request). */
    @State(Scope.Benchmark)
    public static class Azure {
        AzureWorld world;
        SecretStore store;
        private long getsBefore;
        private long tokensBefore;

        @Setup(Level.Trial)
        public void startEmulator() {
            world = new AzureWorld(SECRETS, 64);
        }

        @TearDown(Level.Trial)
        public void stopEmulator() {
            world.close();
        }

        @Setup(Level.Iteration)
        public void open() {
            world.latency(Duration.ZERO);
            Map<String, Object> config = new java.util.LinkedHashMap<>(world.config());
            config.put("cache", Map.of());
            store = SecretStores.open(config);
            world.latency(Duration.ofMillis(5));
            getsBefore = world.requests(dev.secretstore.emulator.azure.Operation.GET_SECRET);
            tokensBefore = world.requests(dev.secretstore.emulator.azure.Operation.TOKEN);
        }

        @TearDown(Level.Iteration)
        public void close() {
            // GetSecret includes the SDK's unauthenticated first request(s), answered 401 with the challenge.
            System.out.println("  Azure emulator this iteration: GetSecret "
                    + (world.requests(dev.secretstore.emulator.azure.Operation.GET_SECRET) - getsBefore) + ", Token "
                    + (world.requests(dev.secretstore.emulator.azure.Operation.TOKEN) - tokensBefore));
            store.close();
        }
    }

    /** The same storm through our cache over the GCP provider (Secret Manager emulator, 5 ms per request). */
    @State(Scope.Benchmark)
    public static class Gcp {
        GcpWorld world;
        SecretStore store;

        @Setup(Level.Trial)
        public void startEmulator() {
            world = new GcpWorld(SECRETS, 64);
        }

        @TearDown(Level.Trial)
        public void stopEmulator() {
            world.close();
        }

        @Setup(Level.Iteration)
        public void open() {
            world.latency(Duration.ZERO);
            Map<String, Object> config = new java.util.LinkedHashMap<>(world.config());
            config.put("cache", Map.of());
            store = SecretStores.open(config);
            world.latency(Duration.ofMillis(5));
        }

        @TearDown(Level.Iteration)
        public void close() {
            store.close();
        }
    }

    @Benchmark
    public void azureOursRead(Azure azure, RequestCounters counters) throws InterruptedException {
        counters.requests += storm(azure.world::requests, offset -> {
            for (int i = 0; i < SECRETS; i++) {
                azure.store.read(azure.world.names.get((offset + i) % SECRETS));
            }
        });
    }

    @Benchmark
    public void gcpOursRead(Gcp gcp, RequestCounters counters) throws InterruptedException {
        counters.requests += storm(gcp.world::requests, offset -> {
            for (int i = 0; i < SECRETS; i++) {
                gcp.store.read(gcp.world.names.get((offset + i) % SECRETS));
            }
        });
    }
}
