package dev.secretstore.benchmarks;

import com.amazonaws.secretsmanager.caching.SecretCacheConfiguration;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.cache.SecretCache;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Retained heap of a cache holding 10,000 secrets of 1 KiB (10,240,000 payload bytes), measured as the
 * difference of GC-settled heap use (full GCs until the figure stops falling) before and after filling an
 * empty cache whose store and client are already open and used. Not JOL: the difference counts everything the
 * fill left reachable (entries, the Caffeine map, the index for hits, values, per-entry metadata), which is what
 * a user pays. Each secret is read twice, so that every value is also in the cache's index for hits.
 * Reported as {@code ·retainedBytes} and {@code ·retainedPerPayloadPermille} (1000 = exactly the payload).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseG1GC"})
@State(Scope.Benchmark)
public class CacheMemoryBenchmark {
    static final int SECRETS = 10_000;
    static final int BYTES = 1024;
    static final long PAYLOAD = (long) SECRETS * BYTES;

    private AwsWorld aws;
    private SecretStore ours;
    private com.amazonaws.secretsmanager.caching.SecretCache theirs;
    private long baseline;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Retained {
        public long retainedBytes;
        public long retainedPerPayloadPermille;

        void record(long bytes) {
            retainedBytes = bytes;
            retainedPerPayloadPermille = bytes * 1000 / PAYLOAD;
            System.out.printf("  retained %,d bytes for %,d payload bytes (%.2fx)%n", bytes, PAYLOAD,
                    bytes / (double) PAYLOAD);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        aws = new AwsWorld(SECRETS, BYTES);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        aws.close();
    }

    @Setup(Level.Iteration)
    public void open() {
        ours = SecretStores.open(aws.config(Map.of("maxEntries", SECRETS)));
        ours.read(aws.names.get(0));
        ours.feature(SecretCache.class).orElseThrow().invalidateAll();
        theirs = new com.amazonaws.secretsmanager.caching.SecretCache(new SecretCacheConfiguration()
                .withClient(aws.client()).withMaxCacheSize(SECRETS));
        theirs.getSecretString(aws.names.get(0).value());
        // The caching client cannot be emptied; it holds one entry (1/10,000 of the figure) before the fill.
        baseline = settledHeap();
    }

    @TearDown(Level.Iteration)
    public void close() {
        ours.close();
        theirs.close();
        ours = null;
        theirs = null;
    }

    static long settledHeap() {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (used >= last && i >= 2) {
                return Math.min(used, last);
            }
            last = Math.min(last, used);
        }
        return last;
    }

    @Benchmark
    public void ours(Retained retained) {
        // Small batches so the fill's own garbage is small; the cache keeps every value. The second pass is all
        // hits, which put every value in the cache's index for hits too: the steady state, counted in the figure.
        for (int pass = 0; pass < 2; pass++) {
            for (int from = 0; from < SECRETS; from += 500) {
                ours.readAll(aws.names.subList(from, from + 500)).values().forEach(r -> r.secret().orElseThrow());
            }
        }
        if (ours.feature(SecretCache.class).orElseThrow().stats().size() < SECRETS) {
            throw new IllegalStateException("the cache does not hold every secret");
        }
        retained.record(settledHeap() - baseline);
    }

    @Benchmark
    public void awsCachingClient(Retained retained) {
        for (SecretName name : aws.names) {
            theirs.getSecretString(name.value());
        }
        retained.record(settledHeap() - baseline);
    }
}
