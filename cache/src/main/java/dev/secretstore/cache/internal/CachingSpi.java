package dev.secretstore.cache.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.VerificationStep;
import dev.secretstore.cache.CacheEvent;
import dev.secretstore.cache.CacheListener;
import dev.secretstore.cache.CacheSettings;
import dev.secretstore.cache.CacheStats;
import dev.secretstore.cache.SecretCache;
import dev.secretstore.spi.SecretStoreSpi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The read-through cache, below the engine: the engine's rules apply to every call, and every write the
 * engine passes down invalidates the name at once. Latest-version reads ({@code read} without a version,
 * {@code readAll}) are cached; reads of a given version, {@code describe} and {@code list} go to the store.
 *
 * <p>Freshness is the cache's own ({@code confirmedAt} + ttl), so that a value past its ttl can still be
 * served for {@code staleIfError} when the store is unavailable; Caffeine bounds size, evicts, expires
 * entries past ttl + staleIfError, and gives single flight: concurrent misses on a name join one load
 * (an {@link AsyncCache} holds the pending load as a future, so a batch of misses is one request too).
 *
 * <p>Both Caffeine's expiry and the freshness check read the {@link CoarseClock} (a field a daemon thread keeps
 * current to 1/1000 of the ttl), not {@code System.nanoTime()}: a clock read would be a third of a hit's time.
 */
public final class CachingSpi implements SecretStoreSpi {

    private static final System.Logger LOG = System.getLogger(CachingSpi.class.getName());
    /** One front-index hit in this many (a power of two) is recorded in Caffeine, at random. */
    static final int ACCESS_SAMPLE = 16;

    private final SecretStoreSpi delegate;
    /** Past the ttl: describe first and re-read only a changed secret, or re-read at once (the store's own call). */
    private final boolean describeFirst;
    private final CacheSettings settings;
    private final LongSupplier clock;
    private final long ttlNanos;
    private final long keepNanos;
    private final AsyncCache<SecretName, CachedValue> cache;
    /**
     * The values Caffeine holds, indexed for hits: a hit is then a {@code ConcurrentHashMap.get}, not Caffeine's
     * lookup (twice as dear: expiry check, read buffer, policy upkeep), and only one hit in {@link #ACCESS_SAMPLE}, at
     * random, is also recorded in Caffeine for its eviction policy (its frequency sketch and recency order see a
     * uniform sample of the hits; a load and a first hit are always recorded). Caffeine alone decides what is held: a value
     * is zeroed in the atomic step that takes it out of Caffeine's map ({@link #drop}), leaves this index just after
     * ({@link #removed}), and one found zeroed here is a removal in progress, treated as absent.
     */
    private final ConcurrentHashMap<SecretName, CachedValue> front = new ConcurrentHashMap<>();
    private final List<CacheListener> listeners = new CopyOnWriteArrayList<>();
    private final HitCounter hits = new HitCounter();
    private final LongAdder misses = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder staleServed = new LongAdder();
    private final AtomicBoolean pressureLogged = new AtomicBoolean();
    private final Handle handle = new Handle();
    /** Keeps the coarse clock ticking while this cache is open; null with a test's clock. */
    private final CoarseClock.Registration clockRegistration;

    /**
     * @param delegate the provider's store
     * @param settings size, ttl, staleIfError
     */
    public CachingSpi(SecretStoreSpi delegate, CacheSettings settings) {
        this(delegate, settings, CoarseClock::now, true);
    }

    CachingSpi(SecretStoreSpi delegate, CacheSettings settings, LongSupplier clock) {
        this(delegate, settings, clock, false);
    }

    private CachingSpi(SecretStoreSpi delegate, CacheSettings settings, LongSupplier clock, boolean coarseClock) {
        this.delegate = delegate;
        this.describeFirst = delegate.describeIsCheaperThanRead();
        this.settings = settings;
        this.clock = clock;
        this.ttlNanos = settings.ttl().toNanos();
        this.keepNanos = saturatedAdd(ttlNanos, settings.staleIfError().toNanos());
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .executor(Runnable::run) // eviction work and zeroing happen now, on the caller's thread
                .ticker(clock::getAsLong)
                // Fixed, not a variable Expiry: a variable one reschedules its timer wheel on every recorded read.
                // A confirmation (describe, unchanged) extends an entry by replacing it.
                .expireAfterWrite(Duration.ofNanos(keepNanos))
                // Zeroes an evicted or expired value inside the atomic step that takes it out of Caffeine's map: a
                // value Caffeine no longer holds is then always zeroed, so the front index never serves it (see drop).
                .evictionListener((SecretName name, CachedValue v, RemovalCause cause) -> zero(v))
                .removalListener((SecretName name, CachedValue v, RemovalCause cause) -> removed(name, v, cause))
                .buildAsync();
        this.clockRegistration = coarseClock ? CoarseClock.register(this, CoarseClock.resolutionFor(settings.ttl())) : null;
    }

    // ---- cached reads --------------------------------------------------------------------------

    /**
     * The engine's {@code read(name)}: one lookup serves both the name check and the read. A name the cache holds
     * passed the provider's check when it was loaded; any other is checked before it is loaded.
     */
    @Override
    public Secret checkNameAndRead(SecretName name) {
        CachedValue cached = present(name);
        if (cached == null) {
            delegate.checkName(name);
        }
        return latest(name, cached);
    }

    @Override
    public Secret read(SecretName name, Optional<String> version) {
        if (version.isPresent()) {
            return delegate.read(name, version);
        }
        return latest(name, present(name));
    }

    /**
     * The engine's {@code withValue(name, use)}: the value the cache holds, not a copy. It may be zeroed at any moment
     * (evicted); the view's reads detect that, and the engine then reads a copy of its own.
     */
    @Override
    public SecretValue checkNameAndLend(SecretName name) {
        CachedValue cached = present(name);
        if (cached == null) {
            delegate.checkName(name);
        }
        return held(name, cached).value;
    }

    @Override
    public boolean lendsHeldValues() {
        return true;
    }

    /** @param cached what a lookup of {@code name} just found, or null */
    private Secret latest(SecretName name, CachedValue cached) {
        for (int tries = 0; tries < 3; tries++) {
            try {
                return held(name, cached).copy();
            } catch (IllegalStateException zeroedWhileCopying) {
                cached = present(name); // evicted between lookup and copy: look again
            }
        }
        return delegate.read(name, Optional.empty());
    }

    @Override
    public Map<SecretName, ReadResult> readAll(List<SecretName> names) {
        // In the order given; when every name is a hit (the warm case) nothing else is allocated.
        Map<SecretName, ReadResult> results = new LinkedHashMap<>(names.size() * 2);
        Map<SecretName, CachedValue> stale = null;
        List<SecretName> absent = null;
        for (SecretName name : names) {
            CachedValue cached = present(name);
            if (cached != null && !cached.pastTtl) {
                try {
                    results.put(name, ReadResult.of(cached.copy()));
                    hits.increment();
                    continue;
                } catch (IllegalStateException zeroed) {
                    cached = null;
                }
            }
            misses.increment();
            results.put(name, null); // keeps its place; filled by the batch below
            if (cached != null) {
                (stale == null ? stale = new LinkedHashMap<>() : stale).put(name, cached);
            } else {
                (absent == null ? absent = new ArrayList<>() : absent).add(name);
            }
        }
        if (stale != null || absent != null) {
            loadBatch(absent == null ? List.of() : absent, stale == null ? Map.of() : stale, results);
        }
        return results;
    }

    /** @return {@code cached} while fresh (a hit), else the value refreshed or loaded */
    private CachedValue held(SecretName name, CachedValue cached) {
        if (cached != null && !cached.pastTtl) {
            hits.increment();
            return cached;
        }
        misses.increment();
        return cached != null ? refresh(cached) : loadOne(name);
    }

    /**
     * The value held for {@code name}, or null, with its {@link CachedValue#pastTtl} up to date. Found in the
     * {@link #front} index when there, else in Caffeine (which records the access) and then indexed.
     */
    private CachedValue present(SecretName name) {
        CachedValue v = front.get(name);
        if (v != null && !v.pastTtl && !v.value.isDestroyed() && clock.getAsLong() - v.confirmedAt < ttlNanos) {
            if ((ThreadLocalRandom.current().nextInt() & (ACCESS_SAMPLE - 1)) == 0) {
                recordAccess(name);
            }
            return v;
        }
        return presentInCaffeine(name, v);
    }

    /** Kept out of {@link #present} so that the compiler inlines the hit, which is small, and calls this. */
    private void recordAccess(SecretName name) {
        cache.getIfPresent(name); // records this access for eviction (and runs pending maintenance)
    }

    /** Anything but a fresh hit in the index takes Caffeine's path, as without the index: expiry, refresh, loading. */
    private CachedValue presentInCaffeine(SecretName name, CachedValue v) {
        if (v != null && v.value.isDestroyed()) {
            front.remove(name, v); // zeroed: its removal is under way
        }
        v = lookup(name);
        if (v == null) {
            return null;
        }
        index(name, v);
        if (!v.pastTtl && clock.getAsLong() - v.confirmedAt >= ttlNanos) {
            v.pastTtl = true; // written once per ttl, not on every hit: readers on other cores share the value
        }
        return v;
    }

    /** @return the front index's values, for tests: never more than Caffeine holds once removals are done */
    java.util.Collection<CachedValue> indexed() {
        return java.util.List.copyOf(front.values());
    }

    /** @return whether Caffeine's map holds {@code name}, for tests */
    boolean holds(SecretName name) {
        return cache.asMap().containsKey(name);
    }

    /** Runs Caffeine's pending maintenance now (evictions and their removals), for tests. */
    void cleanUp() {
        cache.synchronous().cleanUp();
    }

    /** Caffeine's lookup: it checks expiry and records the access (for eviction), which the front index does not. */
    private CachedValue lookup(SecretName name) {
        CompletableFuture<CachedValue> f = cache.getIfPresent(name);
        if (f == null || !f.isDone() || f.isCompletedExceptionally()) {
            return null;
        }
        return f.getNow(null);
    }

    /**
     * Adds a value Caffeine held a moment ago to the front index. It may have left Caffeine since: it is zeroed as it
     * leaves Caffeine's map ({@link #drop}, {@link #replace}, the eviction listener) and dropped from the index after,
     * so either that drop comes after this put, or the value is already zeroed here and this drops it itself; and a
     * reader that finds it here meanwhile sees it zeroed.
     */
    private void index(SecretName name, CachedValue v) {
        front.put(name, v);
        if (v.value.isDestroyed()) {
            front.remove(name, v);
        }
    }

    private boolean fresh(CachedValue v) {
        return clock.getAsLong() - v.confirmedAt < ttlNanos;
    }

    /**
     * Takes {@code name} out of Caffeine, zeroing its value in the same atomic step. Caffeine's own invalidate runs the
     * removal listener (which zeroes) only after the map no longer holds the entry: a write on another thread that
     * invalidated the same name in that gap would find nothing, return, and leave a value in the front index that
     * is neither held nor zeroed, which the next read would serve. Removed this way, "not held" implies "zeroed".
     */
    private void drop(SecretName name) {
        cache.asMap().computeIfPresent(name, (k, held) -> {
            zero(held);
            return null;
        });
    }

    /** Puts {@code v} in place of what Caffeine holds for {@code name}, zeroing that in the same atomic step (see {@link #drop}). */
    private void replace(SecretName name, CachedValue v) {
        CompletableFuture<CachedValue> replacement = CompletableFuture.completedFuture(v);
        cache.asMap().compute(name, (k, held) -> {
            zero(held);
            return replacement;
        });
    }

    private static void zero(CompletableFuture<CachedValue> held) {
        if (held != null && held.isDone() && !held.isCompletedExceptionally()) {
            zero(held.getNow(null));
        }
    }

    private static void zero(CachedValue v) {
        if (v != null) {
            v.value.destroy();
        }
    }

    private CachedValue loadOne(SecretName name) {
        CompletableFuture<CachedValue> mine = new CompletableFuture<>();
        CompletableFuture<CachedValue> f = cache.get(name, (k, executor) -> mine);
        if (f == mine) {
            loads.increment();
            try {
                mine.complete(new CachedValue(delegate.read(name, Optional.empty()), clock.getAsLong()));
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e); // a failed load is dropped by the cache: failures are never cached
            }
        }
        return join(f);
    }

    /** One store request for every name not fresh; concurrent callers join the loads of the names they share. */
    private void loadBatch(List<SecretName> absent, Map<SecretName, CachedValue> stale, Map<SecretName, ReadResult> results) {
        CompletableFuture<Map<SecretName, CachedValue>> mine = new CompletableFuture<>();
        Set<SecretName> mineToLoad = new LinkedHashSet<>();
        CompletableFuture<Map<SecretName, CachedValue>> all = absent.isEmpty()
                ? CompletableFuture.completedFuture(Map.of())
                : cache.getAll(absent, (keys, executor) -> {
                    keys.forEach(mineToLoad::add);
                    return mine;
                });
        List<SecretName> batch = new ArrayList<>(stale.keySet());
        batch.addAll(mineToLoad);
        Map<SecretName, ReadResult> fetched = Map.of();
        RuntimeException batchFailure = null;
        if (!batch.isEmpty()) {
            loads.increment();
            try {
                fetched = delegate.readAll(batch);
                long now = clock.getAsLong();
                Map<SecretName, CachedValue> loaded = new HashMap<>();
                for (SecretName n : mineToLoad) {
                    ReadResult r = fetched.get(n);
                    if (r != null && r.secret().isPresent()) {
                        loaded.put(n, new CachedValue(r.secret().get(), now));
                    }
                }
                mine.complete(loaded);
            } catch (RuntimeException e) {
                batchFailure = e;
                mine.completeExceptionally(e);
            }
        }
        for (Map.Entry<SecretName, CachedValue> e : stale.entrySet()) {
            results.put(e.getKey(), restale(e.getKey(), e.getValue(), fetched.get(e.getKey()), batchFailure));
        }
        Map<SecretName, CachedValue> got;
        try {
            got = all.join();
        } catch (CompletionException e) {
            if (batchFailure != null) {
                throw batchFailure;
            }
            got = Map.of(); // another caller's batch failed: those names are read below on their own
        }
        for (SecretName n : absent) {
            CachedValue v = got.get(n);
            ReadResult own = fetched.get(n);
            if (v != null) {
                results.put(n, copyOrRead(v));
            } else if (own != null) {
                results.put(n, own); // a failure of ours, not cached
            } else {
                results.put(n, readOne(n)); // loaded by a concurrent caller, whose read failed
            }
        }
    }

    private ReadResult restale(SecretName name, CachedValue old, ReadResult fresh, RuntimeException batchFailure) {
        if (fresh != null && fresh.secret().isPresent()) {
            CachedValue v = new CachedValue(fresh.secret().get(), clock.getAsLong());
            replace(name, v);
            emit(CacheEvent.Kind.RELOADED, name, "read again in a batch");
            return copyOrRead(v);
        }
        SecretStoreException failure = fresh != null ? fresh.failure().orElse(null)
                : batchFailure instanceof SecretStoreException s ? s : null;
        if ((failure instanceof StoreUnavailableException) && withinStaleWindow(old)) {
            return serveStale(name, old, failure);
        }
        drop(name);
        if (fresh != null) {
            return fresh;
        }
        if (batchFailure != null) {
            throw batchFailure;
        }
        return readOne(name);
    }

    private ReadResult serveStale(SecretName name, CachedValue old, SecretStoreException failure) {
        staleServed.increment();
        emit(CacheEvent.Kind.STALE_SERVED, name, "served a value past its ttl: " + failure.getClass().getSimpleName());
        return copyOrRead(old);
    }

    private ReadResult copyOrRead(CachedValue v) {
        try {
            return ReadResult.of(v.copy());
        } catch (IllegalStateException zeroed) {
            return readOne(v.name);
        }
    }

    private ReadResult readOne(SecretName name) {
        try {
            return ReadResult.of(read(name, Optional.empty()));
        } catch (SecretStoreException e) {
            return ReadResult.failed(name, e);
        }
    }

    /**
     * A value past its ttl: ask the store cheaply whether it changed (describe names the version); read it
     * again only if it did. On a store whose describe costs as much as a read, or draws on a smaller quota
     * ({@link SecretStoreSpi#describeIsCheaperThanRead()} false: Key Vault, Secret Manager), read it again at once:
     * one request instead of one or two. One refresh per entry at a time: concurrent readers of it wait for that one.
     */
    private CachedValue refresh(CachedValue old) {
        synchronized (old) {
            CachedValue current = present(old.name);
            if (current != null && current != old && fresh(current)) {
                return current;
            }
            if (fresh(old)) {
                old.pastTtl = false; // marked by a lookup that read the clock before a concurrent refresh
                return old;
            }
            try {
                Optional<SecretMetadata> meta = Optional.empty();
                if (describeFirst) {
                    loads.increment();
                    meta = delegate.describe(old.name);
                    if (meta.isPresent() && meta.get().deletionDate().isEmpty()
                            && meta.get().version().map(old.version::equals).orElse(false)) {
                        CachedValue confirmed = confirm(old);
                        emit(CacheEvent.Kind.REFRESHED_UNCHANGED, old.name, "version " + old.version + " unchanged");
                        return confirmed;
                    }
                }
                loads.increment();
                CachedValue v = new CachedValue(delegate.read(old.name, Optional.empty()), clock.getAsLong());
                replace(old.name, v);
                emit(CacheEvent.Kind.RELOADED, old.name, !describeFirst
                        ? (java.util.Objects.equals(v.version, old.version) ? "read again (version " + old.version + " unchanged)"
                                : "read again: a newer version") + "; on this store a describe costs as much as a read"
                        : meta.isPresent() ? "a newer version" : "no version to compare");
                return v;
            } catch (StoreUnavailableException e) {
                if (withinStaleWindow(old)) {
                    staleServed.increment();
                    emit(CacheEvent.Kind.STALE_SERVED, old.name,
                            "served a value past its ttl: " + e.getClass().getSimpleName());
                    return old;
                }
                drop(old.name);
                throw e;
            } catch (RuntimeException e) {
                drop(old.name); // denied or gone: never keep serving it
                throw e;
            }
        }
    }

    /**
     * Keeps a value the store confirmed for another ttl (+ staleIfError): a fixed expiry is extended by a write, so
     * the entry is replaced by a copy (the cache zeroes the value it replaces), and only if it still holds
     * {@code old}: an invalidation meanwhile (a write through this store) is never undone.
     */
    private CachedValue confirm(CachedValue old) {
        CompletableFuture<CachedValue> held = cache.getIfPresent(old.name);
        if (held == null || !held.isDone() || held.isCompletedExceptionally() || held.getNow(null) != old) {
            return old;
        }
        CachedValue confirmed;
        try {
            confirmed = old.confirmedCopy(clock.getAsLong());
        } catch (IllegalStateException zeroed) {
            return old; // evicted meanwhile: the caller's copy fails the same way and looks again
        }
        // Zeroed before the swap, so that no moment sees it out of Caffeine and intact (see drop): readers of a value
        // past its ttl wait for this refresh (synchronized on it), and the front index never serves one.
        old.value.destroy();
        if (cache.asMap().replace(old.name, held, CompletableFuture.completedFuture(confirmed))) {
            return confirmed;
        }
        confirmed.value.destroy();
        return old;
    }

    private boolean withinStaleWindow(CachedValue v) {
        return clock.getAsLong() - v.confirmedAt < keepNanos;
    }

    private static CachedValue join(CompletableFuture<CachedValue> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    // ---- writes invalidate at once --------------------------------------------------------------

    @Override
    public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
        try {
            return delegate.create(name, value, tags);
        } finally {
            handle.invalidate(name);
        }
    }

    @Override
    public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags, Instant expiresAt) {
        try {
            return delegate.create(name, value, tags, expiresAt);
        } finally {
            handle.invalidate(name);
        }
    }

    @Override
    public SecretMetadata addVersion(SecretName name, SecretValue value) {
        try {
            return delegate.addVersion(name, value);
        } finally {
            handle.invalidate(name);
        }
    }

    @Override
    public void updateTags(SecretName name, Map<String, String> tags) {
        try {
            delegate.updateTags(name, tags);
        } finally {
            handle.invalidate(name);
        }
    }

    @Override
    public void delete(SecretName name, DeleteOptions options) {
        try {
            delegate.delete(name, options);
        } finally {
            handle.invalidate(name);
        }
    }

    @Override
    public SecretMetadata restore(SecretName name) {
        try {
            return delegate.restore(name);
        } finally {
            handle.invalidate(name);
        }
    }

    // ---- passed through -------------------------------------------------------------------------

    /**
     * A name the cache holds passed the provider's check before it was first loaded (the engine checks every name
     * before a read); it is not re-encoded. The lookup is not a read: it records no access for eviction.
     */
    @Override
    public void checkName(SecretName name) {
        if (!front.containsKey(name) && !cache.asMap().containsKey(name)) {
            delegate.checkName(name);
        }
    }

    @Override
    public List<String> listVersions(SecretName name) {
        return delegate.listVersions(name);
    }

    @Override
    public StoreLimits limits() {
        return delegate.limits();
    }

    @Override
    public String managedTagKey() {
        return delegate.managedTagKey();
    }

    @Override
    public Optional<SecretMetadata> describe(SecretName name) {
        return delegate.describe(name);
    }

    @Override
    public boolean describeIsCheaperThanRead() {
        return delegate.describeIsCheaperThanRead();
    }

    @Override
    public Page<SecretMetadata> list(ListOptions options) {
        return delegate.list(options);
    }

    @Override
    public List<VerificationStep> extraVerificationSteps(SecretName testSecret) {
        return delegate.extraVerificationSteps(testSecret);
    }

    @Override
    public Duration permissionPropagationWait() {
        return delegate.permissionPropagationWait();
    }

    @Override
    public <T> Optional<T> feature(Class<T> type) {
        if (type.isInstance(handle)) {
            return Optional.of(type.cast(handle));
        }
        return delegate.feature(type);
    }

    @Override
    public void close() {
        try {
            handle.invalidateAll(); // zeroes every value
            front.clear();
        } finally {
            try {
                if (clockRegistration != null) {
                    clockRegistration.close();
                }
            } finally {
                delegate.close();
            }
        }
    }

    // ---- eviction, events ------------------------------------------------------------------------

    private void removed(SecretName name, CachedValue v, RemovalCause cause) {
        if (v != null) {
            v.value.destroy();
            front.remove(name, v); // after the zeroing: see index()
        }
        if (cause == RemovalCause.SIZE) {
            evictions.increment();
            if (pressureLogged.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "secretstore cache: " + settings.maxEntries() + " entries reached; "
                        + "evicting under pressure (raise cache.maxEntries if reads miss often)");
            }
            emit(CacheEvent.Kind.EVICTED_UNDER_PRESSURE, name, "maxEntries " + settings.maxEntries() + " reached");
        }
    }

    private void emit(CacheEvent.Kind kind, SecretName name, String detail) {
        if (listeners.isEmpty()) {
            return;
        }
        CacheEvent event = new CacheEvent(kind, Optional.ofNullable(name), detail);
        for (CacheListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException ignored) {
                // a faulty listener must not break reads
            }
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    @Override
    public String toString() {
        return "CachingSpi[" + settings + ", " + delegate + "]";
    }

    /** The user's handle, separate from the store so that it cannot be used to bypass the engine. */
    private final class Handle implements SecretCache {
        @Override
        public void invalidate(SecretName name) {
            drop(name);
        }

        @Override
        public void invalidateAll() {
            for (SecretName name : List.copyOf(cache.asMap().keySet())) {
                drop(name); // one by one, each zeroed as it leaves (see drop); names loaded meanwhile are new
            }
        }

        @Override
        public CacheStats stats() {
            return new CacheStats(hits.sum(), misses.sum(), loads.sum(), evictions.sum(), staleServed.sum(),
                    cache.synchronous().estimatedSize());
        }

        @Override
        public CacheSettings settings() {
            return settings;
        }

        @Override
        public void addListener(CacheListener listener) {
            listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        }

        @Override
        public String toString() {
            return "SecretCache[" + settings + "]";
        }
    }
}
