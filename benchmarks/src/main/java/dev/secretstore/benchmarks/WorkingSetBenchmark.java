package dev.secretstore.benchmarks;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.cache.SecretCache;
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
 * The caches' default sizes against a realistic working set: 3,000 secrets (1,000 connections x 3) read in
 * order, round after round, as a platform cycling through its connections does. The first round fills the
 * cache (not timed); the measured round is the second. {@code ·requests} is what the emulator saw in it:
 * zero means every read was a hit; 3,000 means none was. Both caches at their defaults (ours 10,000 entries,
 * AWS's caching client 1,024), no latency injected.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
@State(Scope.Benchmark)
public class WorkingSetBenchmark {
    static final int SECRETS = 3_000;

    private AwsWorld aws;
    private SecretStore ours;
    private com.amazonaws.secretsmanager.caching.SecretCache theirs;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Outcome {
        public long requests;
        public long evictions;
    }

    @Setup(Level.Trial)
    public void setUp() {
        aws = new AwsWorld(SECRETS, 64);
        ours = SecretStores.open(aws.config(Map.of()));
        theirs = new com.amazonaws.secretsmanager.caching.SecretCache(aws.client());
        for (SecretName name : aws.names) {
            ours.read(name);
            theirs.getSecretString(name.value());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ours.close();
        theirs.close();
        aws.close();
    }

    @Benchmark
    public void oursDefault(Outcome outcome) {
        long before = aws.requests();
        for (SecretName name : aws.names) {
            ours.read(name);
        }
        outcome.requests += aws.requests() - before;
        outcome.evictions = ours.feature(SecretCache.class).orElseThrow().stats().evictions();
    }

    @Benchmark
    public void awsCachingClientDefault(Outcome outcome) {
        long before = aws.requests();
        for (SecretName name : aws.names) {
            theirs.getSecretString(name.value());
        }
        outcome.requests += aws.requests() - before;
    }
}
