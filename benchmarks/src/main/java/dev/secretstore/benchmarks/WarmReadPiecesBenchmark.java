package dev.secretstore.benchmarks;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.secretstore.Secret;
import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pieces a warm cached read is made of, each on its own, single-threaded (run with {@code -t 8} for the
 * contended figures): the floor ({@code ConcurrentHashMap.get} keyed by {@link SecretName}), a clock read, a
 * {@code LongAdder} increment, the copy a caller receives, and a Caffeine lookup as the cache makes it (async,
 * size bound, fixed expiry, caller-thread maintenance, a ticker that reads a field as the cache's coarse clock is
 * read) beside the variants it was chosen from (variable {@code Expiry} as before, the ticker on
 * {@code System.nanoTime()} with its time kept for freshness, quiet, sync, no expiry). It explains
 * {@link WarmReadBenchmark}'s figure; it is not a target.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class WarmReadPiecesBenchmark {
    static final int SECRETS = 1_000;
    static final long KEEP = Duration.ofMinutes(6).toNanos();

    private SecretName[] names;
    private final Map<SecretName, Secret> map = new ConcurrentHashMap<>();
    private AsyncCache<SecretName, Secret> asyncVariable;
    private Cache<SecretName, Secret> syncVariable;
    private Cache<SecretName, Secret> syncFixed;
    private AsyncCache<SecretName, Secret> asyncFixed;
    private AsyncCache<SecretName, Secret> asCached;
    private final ThreadLocal<long[]> lastTick = ThreadLocal.withInitial(() -> new long[1]);
    private Cache<SecretName, Secret> sizeOnly;
    private AsyncCache<SecretName, Secret> asyncSizeOnly;
    private AsyncCache<SecretName, Secret> asyncFixedCoarse;
    private volatile long coarseNow = System.nanoTime();
    private final LongAdder adder = new LongAdder();

    @State(Scope.Thread)
    public static class Pick {
        private final SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());

        int next() {
            return random.nextInt(SECRETS);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        names = new SecretName[SECRETS];
        asyncVariable = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run)
                .expireAfter(new Keep()).buildAsync();
        syncVariable = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run)
                .expireAfter(new Keep()).build();
        syncFixed = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run)
                .expireAfterWrite(Duration.ofNanos(KEEP)).build();
        asyncFixed = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run)
                .expireAfterWrite(Duration.ofNanos(KEEP)).buildAsync();
        sizeOnly = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run).build();
        asyncSizeOnly = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run).buildAsync();
        asyncFixedCoarse = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run)
                .ticker(() -> coarseNow).expireAfterWrite(Duration.ofNanos(KEEP)).buildAsync();
        asCached = Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run)
                .ticker(() -> {
                    long now = System.nanoTime();
                    lastTick.get()[0] = now;
                    return now;
                })
                .expireAfterWrite(Duration.ofNanos(KEEP)).buildAsync();
        for (int i = 0; i < SECRETS; i++) {
            SecretName name = AwsWorld.name(i);
            names[i] = name;
            Secret secret = new Secret(name, "v1", SecretValue.ofText("v".repeat(64)), Instant.EPOCH);
            map.put(name, secret);
            asyncVariable.put(name, CompletableFuture.completedFuture(secret));
            syncVariable.put(name, secret);
            syncFixed.put(name, secret);
            asyncFixed.put(name, CompletableFuture.completedFuture(secret));
            sizeOnly.put(name, secret);
            asyncSizeOnly.put(name, CompletableFuture.completedFuture(secret));
            asyncFixedCoarse.put(name, CompletableFuture.completedFuture(secret));
            asCached.put(name, CompletableFuture.completedFuture(secret));
        }
    }

    @Benchmark
    public Secret mapGet(Pick pick) {
        return map.get(names[pick.next()]);
    }

    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }

    @Benchmark
    public void longAdder() {
        adder.increment();
    }

    @Benchmark
    public Secret copy(Pick pick) {
        Secret s = map.get(names[pick.next()]);
        return new Secret(s.name(), s.version(), SecretValue.copyOf(s.value()), s.createdAt().orElse(null));
    }

    /** The cache's lookup before issue 17's hit-path work: async, variable Expiry. */
    @Benchmark
    public Secret caffeineAsyncGetIfPresent(Pick pick) {
        CompletableFuture<Secret> f = asyncVariable.getIfPresent(names[pick.next()]);
        return f == null || !f.isDone() || f.isCompletedExceptionally() ? null : f.getNow(null);
    }

    @Benchmark
    public Secret caffeineAsyncQuiet(Pick pick) {
        return asyncVariable.synchronous().policy().getIfPresentQuietly(names[pick.next()]);
    }

    @Benchmark
    public Secret caffeineSyncVariableGetIfPresent(Pick pick) {
        return syncVariable.getIfPresent(names[pick.next()]);
    }

    @Benchmark
    public Secret caffeineSyncFixedGetIfPresent(Pick pick) {
        return syncFixed.getIfPresent(names[pick.next()]);
    }

    /**
     * The cache's lookup after issue 17's hit-path work and before the coarse clock: fixed expiry, and the time the
     * ticker read ({@code System.nanoTime()}) kept for the freshness check. The cache now reads the coarse clock
     * instead: {@link #caffeineAsyncFixedCoarseGetIfPresent}. Kept, under its old name, for comparison with earlier runs.
     */
    @Benchmark
    public long caffeineAsCachedGetIfPresent(Pick pick) {
        long[] tick = lastTick.get();
        tick[0] = Long.MIN_VALUE;
        CompletableFuture<Secret> f = asCached.getIfPresent(names[pick.next()]);
        Secret s = f == null || !f.isDone() || f.isCompletedExceptionally() ? null : f.getNow(null);
        return s == null ? 0 : tick[0] + s.version().length();
    }

    /** Async, fixed expireAfterWrite, without keeping the time. */
    @Benchmark
    public Secret caffeineAsyncFixedGetIfPresent(Pick pick) {
        CompletableFuture<Secret> f = asyncFixed.getIfPresent(names[pick.next()]);
        return f == null || !f.isDone() || f.isCompletedExceptionally() ? null : f.getNow(null);
    }

    /** Size bound only, no expiry: no clock read (what Caffeine costs without a ttl). */
    @Benchmark
    public Secret caffeineSizeOnlyGetIfPresent(Pick pick) {
        return sizeOnly.getIfPresent(names[pick.next()]);
    }

    /** Async, size bound only: no clock read. */
    @Benchmark
    public Secret caffeineAsyncSizeOnlyGetIfPresent(Pick pick) {
        CompletableFuture<Secret> f = asyncSizeOnly.getIfPresent(names[pick.next()]);
        return f == null || !f.isDone() || f.isCompletedExceptionally() ? null : f.getNow(null);
    }

    /** Async, fixed expireAfterWrite, a ticker that reads a field (as the cache's coarse clock is read). */
    @Benchmark
    public Secret caffeineAsyncFixedCoarseGetIfPresent(Pick pick) {
        CompletableFuture<Secret> f = asyncFixedCoarse.getIfPresent(names[pick.next()]);
        return f == null || !f.isDone() || f.isCompletedExceptionally() ? null : f.getNow(null);
    }

    private static final class Keep implements Expiry<Object, Object> {
        @Override
        public long expireAfterCreate(Object key, Object value, long currentTime) {
            return KEEP;
        }

        @Override
        public long expireAfterUpdate(Object key, Object value, long currentTime, long currentDuration) {
            return KEEP;
        }

        @Override
        public long expireAfterRead(Object key, Object value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
