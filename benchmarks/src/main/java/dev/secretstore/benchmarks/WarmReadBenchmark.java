package dev.secretstore.benchmarks;

import dev.secretstore.Secret;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretView;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 *
 * <p>{@code oursWithValue}: the same read through {@code withValue}, which lends the cached bytes in place instead
 * of a copy; the function reads the value's first byte (every view read is checked against eviction). And a
 * realistic use of that: checking a presented token against the secret ({@code oursTokenCheck}, a constant-time
 * comparison in place) beside the floor doing the same ({@code mapTokenCheck}: a map get of the value's bytes and
 * {@code MessageDigest.isEqual}).
 *
 * <p>Also: the floor with the copy a caller of a cache must own ({@code mapGetAndCopy}: a map get, then the
 * same {@code byte[]} copy, {@code SecretValue} and {@code Secret} our read returns), ours with 1 KiB values,
 * and {@code readAll} of one connection's three cached names (per operation: three secrets).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Five warm-ups: the whole read path reached its compiled speed only after about 3 x 2 s (earlier iterations ran at 100-900 ns/op).
@Warmup(iterations = 5, time = 2)
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
    private final Map<SecretName, Secret> secrets = new ConcurrentHashMap<>();
    private AwsWorld aws1KiB;
    private SecretStore ours1KiB;
    private List<List<SecretName>> connections;
    private final Map<String, byte[]> mapBytes = new ConcurrentHashMap<>();
    private byte[][] presented;
    private static final Function<SecretView, Byte> FIRST_BYTE = v -> v.byteAt(0);

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
        for (SecretName name : names) {
            secrets.put(name, ours.read(name));
        }
        presented = new byte[SECRETS][];
        for (int i = 0; i < SECRETS; i++) {
            presented[i] = secrets.get(names.get(i)).value().bytes();
            mapBytes.put(ids[i], presented[i].clone());
        }
        connections = new java.util.ArrayList<>();
        for (int i = 0; i + 2 < SECRETS; i += 3) {
            connections.add(List.of(names.get(i), names.get(i + 1), names.get(i + 2)));
        }
        aws1KiB = new AwsWorld(SECRETS, 1024);
        ours1KiB = SecretStores.open(aws1KiB.config(Map.of()));
        ours1KiB.readAll(aws1KiB.names).values().forEach(r -> r.secret().orElseThrow());
        long before1KiB = aws1KiB.requests();
        for (SecretName name : aws1KiB.names) {
            ours1KiB.read(name);
        }
        if (aws.requests() != before || aws1KiB.requests() != before1KiB) {
            throw new IllegalStateException("the warm-up did not fill our caches");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println("  our cache: " + ours.feature(dev.secretstore.cache.SecretCache.class).orElseThrow().stats());
        ours.close();
        theirs.close();
        aws.close();
        ours1KiB.close();
        aws1KiB.close();
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
    public Byte oursWithValue1(Pick pick) {
        return ours.withValue(names.get(pick.next()), FIRST_BYTE);
    }

    @Benchmark
    @Threads(8)
    public Byte oursWithValue8(Pick pick) {
        return ours.withValue(names.get(pick.next()), FIRST_BYTE);
    }

    @Benchmark
    @Threads(1)
    public boolean oursTokenCheck1(Pick pick) {
        return oursTokenCheck(pick.next());
    }

    @Benchmark
    @Threads(8)
    public boolean oursTokenCheck8(Pick pick) {
        return oursTokenCheck(pick.next());
    }

    private boolean oursTokenCheck(int i) {
        byte[] token = presented[i];
        return ours.withValue(names.get(i), v -> v.contentEquals(token));
    }

    @Benchmark
    @Threads(1)
    public boolean mapTokenCheck1(Pick pick) {
        return mapTokenCheck(pick.next());
    }

    @Benchmark
    @Threads(8)
    public boolean mapTokenCheck8(Pick pick) {
        return mapTokenCheck(pick.next());
    }

    private boolean mapTokenCheck(int i) {
        return MessageDigest.isEqual(mapBytes.get(ids[i]), presented[i]);
    }

    @Benchmark
    @Threads(1)
    public Secret ours1KiB1(Pick pick) {
        return ours1KiB.read(aws1KiB.names.get(pick.next()));
    }

    @Benchmark
    @Threads(8)
    public Secret ours1KiB8(Pick pick) {
        return ours1KiB.read(aws1KiB.names.get(pick.next()));
    }

    @Benchmark
    @Threads(1)
    public Map<SecretName, dev.secretstore.ReadResult> oursReadAll1(Pick pick) {
        return ours.readAll(connections.get(pick.next() % connections.size()));
    }

    @Benchmark
    @Threads(8)
    public Map<SecretName, dev.secretstore.ReadResult> oursReadAll8(Pick pick) {
        return ours.readAll(connections.get(pick.next() % connections.size()));
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

    @Benchmark
    @Threads(1)
    public Secret mapGetAndCopy1(Pick pick) {
        return copy(secrets.get(names.get(pick.next())));
    }

    @Benchmark
    @Threads(8)
    public Secret mapGetAndCopy8(Pick pick) {
        return copy(secrets.get(names.get(pick.next())));
    }

    private static Secret copy(Secret s) {
        return new Secret(s.name(), s.version(), dev.secretstore.SecretValue.copyOf(s.value()),
                s.createdAt().orElse(null));
    }

}
