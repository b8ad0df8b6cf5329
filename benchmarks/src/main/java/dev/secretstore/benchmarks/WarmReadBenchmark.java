package dev.secretstore.benchmarks;

import dev.secretstore.Secret;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm reads of 1,000 cached secrets (64-byte values, AWS emulator behind), at 1 and 8 threads, each read of a
 * random name: our cached store's {@code read(name)} (the whole public path: name checks, engine, cache, a copy
 * of the value for the caller), AWS's caching client's {@code getSecretString}, and the floor, a
 * {@code ConcurrentHashMap.get} of the same values. Every store request is made before measuring.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class WarmReadBenchmark {
    static final int SECRETS = 1_000;

    private AwsWorld aws;
    private SecretStore ours;
    private com.amazonaws.secretsmanager.caching.SecretCache theirs;
    private final Map<String, String> map = new ConcurrentHashMap<>();
    private List<SecretName> names;
    private String[] ids;

    @State(Scope.Thread)
    public static class Pick {
        private final SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());

        int next() {
            return random.nextInt(SECRETS);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        aws = new AwsWorld(SECRETS, 64);
        names = aws.names;
        ids = names.stream().map(SecretName::value).toArray(String[]::new);
        ours = SecretStores.open(aws.config(Map.of()));
        ours.readAll(names).values().forEach(r -> r.secret().orElseThrow());
        theirs = new com.amazonaws.secretsmanager.caching.SecretCache(aws.client());
        for (String id : ids) {
            map.put(id, theirs.getSecretString(id));
        }
        long before = aws.requests();
        for (SecretName name : names) {
            ours.read(name);
        }
        if (aws.requests() != before) {
            throw new IllegalStateException("the warm-up did not fill our cache");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println("  our cache: " + ours.feature(dev.secretstore.cache.SecretCache.class).orElseThrow().stats());
        ours.close();
        theirs.close();
        aws.close();
    }

    @Benchmark
    @Threads(1)
    public Secret ours1(Pick pick) {
        return ours.read(names.get(pick.next()));
    }

    @Benchmark
    @Threads(8)
    public Secret ours8(Pick pick) {
        return ours.read(names.get(pick.next()));
    }

    @Benchmark
    @Threads(1)
    public String awsCachingClient1(Pick pick) {
        return theirs.getSecretString(ids[pick.next()]);
    }

    @Benchmark
    @Threads(8)
    public String awsCachingClient8(Pick pick) {
        return theirs.getSecretString(ids[pick.next()]);
    }

    @Benchmark
    @Threads(1)
    public String mapGet1(Pick pick) {
        return map.get(ids[pick.next()]);
    }

    @Benchmark
    @Threads(8)
    public String mapGet8(Pick pick) {
        return map.get(ids[pick.next()]);
    }

}
