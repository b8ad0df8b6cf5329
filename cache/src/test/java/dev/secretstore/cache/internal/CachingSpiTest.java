package dev.secretstore.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.ReadResult;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.cache.CacheEvent;
import dev.secretstore.cache.CacheSettings;
import dev.secretstore.cache.SecretCache;
import dev.secretstore.spi.SecretStoreSpi;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the read-through cache")
class CachingSpiTest {

    private final CountingStore store = new CountingStore();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<CacheEvent> events = new CopyOnWriteArrayList<>();

    private CachingSpi cached(CacheSettings settings) {
        CachingSpi spi = new CachingSpi(store, settings, now::get);
        handle(spi).addListener(events::add);
        return spi;
    }

    private static SecretCache handle(CachingSpi spi) {
        return spi.feature(SecretCache.class).orElseThrow();
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private static SecretName n(String name) {
        return SecretName.of(name);
    }

    private static String text(CachingSpi spi, String name) {
        return spi.read(n(name), Optional.empty()).value().text();
    }

    @Test
    @DisplayName("a second read within the ttl asks the store nothing; after the ttl an unchanged version costs one describe")
    void ttlAndVersionAwareRefresh() {
        store.set("a", "v1");
        CachingSpi spi = cached(CacheSettings.builder().ttl(Duration.ofMinutes(5)).build());
        assertThat(text(spi, "a")).isEqualTo("v1");
        assertThat(text(spi, "a")).isEqualTo("v1");
        assertThat(store.requests()).isEqualTo(1);

        advance(Duration.ofMinutes(5).plusSeconds(30));
        assertThat(text(spi, "a")).isEqualTo("v1");
        assertThat(store.describes.get()).isEqualTo(1);
        assertThat(store.reads.get()).isEqualTo(1);
        assertThat(events).extracting(CacheEvent::kind).contains(CacheEvent.Kind.REFRESHED_UNCHANGED);

        assertThat(text(spi, "a")).isEqualTo("v1");
        assertThat(store.requests()).as("confirmed again: fresh for another ttl").isEqualTo(2);
    }

    @Test
    @DisplayName("on a store whose describe costs as much as a read, past the ttl the cache reads again at once: one "
            + "request, never a describe, an unchanged and a changed version alike")
    void refreshReadsAgainWhereDescribeIsNotCheaper() {
        store.describeCheaper = false;
        store.set("a", "v1");
        CachingSpi spi = cached(CacheSettings.builder().ttl(Duration.ofMinutes(5)).build());
        assertThat(spi.describeIsCheaperThanRead()).as("the cache passes the store's answer on").isFalse();
        assertThat(text(spi, "a")).isEqualTo("v1");

        advance(Duration.ofMinutes(5).plusSeconds(30));
        assertThat(text(spi, "a")).isEqualTo("v1");
        assertThat(store.describes.get()).isZero();
        assertThat(store.reads.get()).isEqualTo(2);
        assertThat(events).filteredOn(e -> e.kind() == CacheEvent.Kind.RELOADED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("unchanged"));
        assertThat(text(spi, "a")).as("fresh for another ttl").isEqualTo("v1");
        assertThat(store.requests()).isEqualTo(2);

        store.set("a", "v2");
        advance(Duration.ofMinutes(5).plusSeconds(30));
        assertThat(text(spi, "a")).isEqualTo("v2");
        assertThat(store.describes.get()).isZero();
        assertThat(store.reads.get()).isEqualTo(3);
        assertThat(store.handedOut.get(1).isDestroyed()).as("the replaced value is zeroed").isTrue();
    }

    @Test
    @DisplayName("the engine's read (checkNameAndRead): a held name is looked up once and not checked again; others are checked before loading")
    void checkNameAndReadChecksOnlyNamesItDoesNotHold() {
        store.set("a", "v1");
        store.set("b", "v1");
        CachingSpi spi = cached(CacheSettings.defaults());
        assertThat(spi.checkNameAndRead(n("a")).value().text()).isEqualTo("v1");
        assertThat(store.checked).as("a name not held is checked by the provider").containsExactly(n("a"));
        assertThat(spi.checkNameAndRead(n("a")).value().text()).isEqualTo("v1");
        assertThat(store.checked).as("a held name passed the check when it was loaded").containsExactly(n("a"));
        assertThat(store.reads.get()).isEqualTo(1);
        assertThat(handle(spi).stats().hits()).isEqualTo(1);

        store.refused = n("b");
        assertThatThrownBy(() -> spi.checkNameAndRead(n("b"))).isInstanceOf(InvalidSecretNameException.class);
        assertThat(store.reads.get()).as("a refused name is never loaded").isEqualTo(1);
        assertThat(handle(spi).stats().size()).isEqualTo(1);
    }

    @Test
    @DisplayName("the ttl holds to the nanosecond on the engine's read: a hit just before it, one describe at it")
    void ttlBoundaryOnCheckNameAndRead() {
        store.set("a", "v1");
        CachingSpi spi = cached(CacheSettings.builder().ttl(Duration.ofMinutes(5)).build());
        spi.checkNameAndRead(n("a"));
        advance(Duration.ofMinutes(5).minusNanos(1));
        assertThat(spi.checkNameAndRead(n("a")).value().text()).isEqualTo("v1");
        assertThat(store.requests()).as("within the ttl").isEqualTo(1);
        advance(Duration.ofNanos(1));
        assertThat(spi.checkNameAndRead(n("a")).value().text()).isEqualTo("v1");
        assertThat(store.describes.get()).as("at the ttl the version is confirmed").isEqualTo(1);
        assertThat(spi.checkNameAndRead(n("a")).value().text()).isEqualTo("v1");
        assertThat(spi.readAll(List.of(n("a"))).get(n("a")).secret()).isPresent();
        assertThat(store.requests()).as("confirmed: fresh again, for read and readAll").isEqualTo(2);
        assertThat(handle(spi).stats().hits()).isEqualTo(3);
    }

    @Test
    @DisplayName("a confirmation keeps the value by replacing it with a copy (the replaced one is zeroed), and never undoes an invalidation made meanwhile")
    void confirmationReplacesAndRespectsInvalidation() {
        store.set("a", "v1");
        store.set("b", "v1");
        CachingSpi spi = cached(CacheSettings.builder().ttl(Duration.ofMinutes(5)).build());
        spi.checkNameAndRead(n("a"));
        spi.checkNameAndRead(n("b"));
        SecretValue firstA = store.handedOut.get(0);
        advance(Duration.ofMinutes(5).plusSeconds(30));
        assertThat(spi.checkNameAndRead(n("a")).value().text()).isEqualTo("v1");
        assertThat(firstA.isDestroyed()).as("the replaced value is zeroed").isTrue();
        assertThat(spi.checkNameAndRead(n("a")).value().text()).isEqualTo("v1");
        assertThat(store.reads.get()).as("confirmed by a describe, not read again").isEqualTo(2);

        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        store.failure = name -> {
            if (once.compareAndSet(false, true)) {
                handle(spi).invalidate(name); // a write through the store while the refresh's describe is in flight
            }
            return null;
        };
        assertThat(spi.checkNameAndRead(n("b")).value().text()).isEqualTo("v1");
        assertThat(store.describes.get()).isEqualTo(2);
        assertThat(store.reads.get()).as("the invalidated name is read again, not kept").isEqualTo(3);
        assertThat(spi.checkNameAndRead(n("b")).value().text()).isEqualTo("v1");
        assertThat(store.reads.get()).isEqualTo(3);
    }

    @Test
    @DisplayName("after the ttl a new version elsewhere is read again")
    void newVersionIsReadAgain() {
        store.set("a", "v1");
        CachingSpi spi = cached(CacheSettings.defaults());
        assertThat(text(spi, "a")).isEqualTo("v1");
        store.set("a", "v2");
        assertThat(text(spi, "a")).as("within the ttl the cached value is served").isEqualTo("v1");
        advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(text(spi, "a")).isEqualTo("v2");
        assertThat(events).extracting(CacheEvent::kind).contains(CacheEvent.Kind.RELOADED);
    }

    @Test
    @DisplayName("invalidate and writes through the store drop the value at once, and zero it")
    void invalidation() {
        store.set("a", "v1");
        store.set("b", "v1");
        CachingSpi spi = cached(CacheSettings.defaults());
        text(spi, "a");
        text(spi, "b");
        SecretValue heldForA = store.handedOut.get(0);
        handle(spi).invalidate(n("a"));
        assertThat(heldForA.isDestroyed()).isTrue();
        text(spi, "a");
        assertThat(store.reads.get()).isEqualTo(3);

        spi.addVersion(n("b"), SecretValue.ofText("v2"));
        assertThat(text(spi, "b")).isEqualTo("v2");
        handle(spi).invalidateAll();
        assertThat(store.handedOut).allSatisfy(v -> assertThat(v.isDestroyed()).isTrue());
    }

    @Test
    @DisplayName("the engine's withValue (checkNameAndLend): the held value itself, no copy; a held name is not checked "
            + "again; past the ttl it is refreshed first")
    void lendsTheHeldValue() {
        store.set("a", "v1");
        CachingSpi spi = cached(CacheSettings.builder().ttl(Duration.ofMinutes(5)).build());
        assertThat(spi.lendsHeldValues()).isTrue();
        SecretValue first = spi.checkNameAndLend(n("a"));
        assertThat(first).isSameAs(store.handedOut.get(0));
        assertThat(spi.checkNameAndLend(n("a"))).isSameAs(first);
        assertThat(store.checked).containsExactly(n("a"));
        assertThat(store.requests()).isEqualTo(1);
        assertThat(handle(spi).stats().hits()).isEqualTo(1);

        store.set("a", "v2");
        advance(Duration.ofMinutes(5).plusSeconds(30));
        assertThat(spi.checkNameAndLend(n("a")).text()).isEqualTo("v2");
        assertThat(first.isDestroyed()).as("the replaced value is zeroed").isTrue();
    }

    @Test
    @DisplayName("hits come from the front index, but Caffeine alone decides what is held: evicted and invalidated "
            + "values leave the index at once, and nothing evicted is ever served")
    void frontIndexFollowsCaffeine() {
        CachingSpi spi = cached(CacheSettings.builder().maxEntries(10).build());
        for (int i = 0; i < 30; i++) {
            store.set("s" + i, "v" + i);
            text(spi, "s" + i);
            text(spi, "s" + i); // a hit: indexed
        }
        spi.cleanUp();
        assertThat(spi.indexed()).hasSizeLessThanOrEqualTo(10).allSatisfy(v -> assertThat(v.value.isDestroyed()).isFalse())
                .allSatisfy(v -> assertThat(spi.holds(v.name)).as("indexed %s is held by Caffeine", v.name).isTrue());
        List<String> evicted = IntStream.range(0, 30).mapToObj(i -> "s" + i).filter(s -> !spi.holds(n(s))).toList();
        assertThat(evicted).hasSizeGreaterThanOrEqualTo(20);
        int readsBeforeEvicted = store.reads.get();
        assertThat(text(spi, evicted.get(0))).isEqualTo("v" + evicted.get(0).substring(1));
        assertThat(store.reads.get()).as("an evicted name is read from the store, not served from the index")
                .isEqualTo(readsBeforeEvicted + 1);
        int reads = store.reads.get();
        handle(spi).invalidateAll();
        assertThat(spi.indexed()).isEmpty();
        assertThat(text(spi, "s29")).isEqualTo("v29");
        assertThat(store.reads.get()).as("read from the store again").isEqualTo(reads + 1);
    }

    @Test
    @DisplayName("4 readers against constant eviction and invalidation: every read answers the name's own value, and "
            + "the index ends holding only what Caffeine holds, none of it zeroed")
    void frontIndexUnderChurn() throws Exception {
        CachingSpi spi = cached(CacheSettings.builder().maxEntries(16).build());
        for (int i = 0; i < 64; i++) {
            store.set("s" + i, "v" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        AtomicLong wrong = new AtomicLong();
        AtomicLong lent = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                workers.add(pool.submit(() -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    while (System.nanoTime() < until) {
                        int i = random.nextInt(64);
                        if (!text(spi, "s" + i).equals("v" + i)) {
                            wrong.incrementAndGet();
                        }
                        SecretValue held = spi.checkNameAndLend(n("s" + i));
                        try {
                            if (!held.view().text().equals("v" + i)) {
                                wrong.incrementAndGet();
                            }
                            lent.incrementAndGet();
                        } catch (IllegalStateException zeroedWhileRead) {
                            // the engine reads a copy then; the view never answers from zeroed bytes
                        }
                    }
                }));
            }
            workers.add(pool.submit(() -> {
                java.util.SplittableRandom random = new java.util.SplittableRandom(99);
                while (System.nanoTime() < until) {
                    handle(spi).invalidate(n("s" + random.nextInt(64)));
                }
            }));
            for (Future<?> f : workers) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(wrong).hasValue(0);
        assertThat(lent.get()).isPositive();
        spi.cleanUp();
        assertThat(spi.indexed()).hasSizeLessThanOrEqualTo((int) handle(spi).stats().size())
                .allSatisfy(v -> assertThat(v.value.isDestroyed()).isFalse())
                .allSatisfy(v -> assertThat(spi.holds(v.name)).as("indexed %s is held by Caffeine", v.name).isTrue());
    }

    /**
     * Caffeine takes an invalidated entry out of its map first and runs the removal listener (which zeroes the value
     * and drops it from the front index) after. Here the invalidating thread is held in that gap (the test's clock
     * blocks it on the first clock read it makes once the map no longer holds the name: Caffeine's maintenance after
     * the removal), while a write through the store invalidates the same name (finding nothing) and returns.
     */
    @Test
    @DisplayName("a write that has returned is seen by the next read, even while another thread's invalidation of the "
            + "name is between Caffeine's removal and its removal listener")
    void writeSeenWhileAnotherInvalidationIsUnderWay() throws Exception {
        store.set("a", "v1");
        SecretName a = n("a");
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread[] paused = new Thread[1];
        CachingSpi[] spi = new CachingSpi[1];
        ThreadLocal<Boolean> checking = ThreadLocal.withInitial(() -> false);
        java.util.function.LongSupplier clock = () -> {
            if (Thread.currentThread() == paused[0] && reached.getCount() > 0 && !checking.get()) {
                checking.set(true); // the check reads the clock too
                try {
                    if (!spi[0].holds(a)) {
                        reached.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    checking.set(false);
                }
            }
            return now.get();
        };
        spi[0] = new CachingSpi(store, CacheSettings.defaults(), clock);
        assertThat(text(spi[0], "a")).isEqualTo("v1");
        assertThat(text(spi[0], "a")).isEqualTo("v1");
        assertThat(spi[0].indexed()).as("the hit indexed the value").hasSize(1);
        Thread invalidator = new Thread(() -> handle(spi[0]).invalidate(a));
        paused[0] = invalidator;
        invalidator.start();
        try {
            assertThat(reached.await(10, TimeUnit.SECONDS))
                    .as("the invalidation was held after Caffeine's removal (the test's premise)").isTrue();
            spi[0].addVersion(a, SecretValue.ofText("v2"));
            assertThat(text(spi[0], "a")).as("read after the write returned").isEqualTo("v2");
        } finally {
            release.countDown();
            invalidator.join(30_000);
        }
        assertThat(store.handedOut.get(0).isDestroyed()).isTrue();
    }

    @Test
    @DisplayName("values handed to callers are copies: destroying one leaves the cache intact")
    void callersGetCopies() {
        store.set("a", "v1");
        CachingSpi spi = cached(CacheSettings.defaults());
        spi.read(n("a"), Optional.empty()).value().destroy();
        assertThat(text(spi, "a")).isEqualTo("v1");
        assertThat(store.reads.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("16 threads missing the same name at once make one request (single flight)")
    void singleFlight() throws Exception {
        store.set("a", "v1");
        CachingSpi spi = cached(CacheSettings.defaults());
        store.stall = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> text(spi, "a")));
            }
            Thread.sleep(200); // let every thread reach the pending load (the assertion holds either way)
            store.stall.countDown();
            for (Future<String> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("v1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.reads.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("a miss storm over readAll: 16 threads, the same 100 names, one request per distinct name")
    void missStormOverReadAll() throws Exception {
        List<SecretName> names = IntStream.range(0, 100).mapToObj(i -> "s" + i).map(SecretName::of).toList();
        names.forEach(name -> store.set(name.value(), "v-" + name.value()));
        CachingSpi spi = cached(CacheSettings.defaults());
        store.stall = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Map<SecretName, ReadResult>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> spi.readAll(names)));
            }
            Thread.sleep(200);
            store.stall.countDown();
            for (Future<Map<SecretName, ReadResult>> f : results) {
                Map<SecretName, ReadResult> r = f.get(10, TimeUnit.SECONDS);
                assertThat(r).hasSize(100);
                names.forEach(name -> assertThat(r.get(name).secret().orElseThrow().value().text())
                        .isEqualTo("v-" + name.value()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.batchedNames.get() + store.reads.get()).as("names requested from the store").isEqualTo(100);
    }

    @Test
    @DisplayName("readAll serves fresh names from the cache and asks the store once for the rest")
    void readAllMixesHitsAndOneBatch() {
        store.set("a", "1");
        store.set("b", "2");
        store.set("c", "3");
        CachingSpi spi = cached(CacheSettings.defaults());
        text(spi, "a");
        Map<SecretName, ReadResult> r = spi.readAll(List.of(n("b"), n("a"), n("c"), n("missing")));
        assertThat(r.keySet()).as("in the order asked, hits and loads mixed").containsExactly(n("b"), n("a"), n("c"), n("missing"));
        assertThat(r.get(n("b")).secret().orElseThrow().value().text()).isEqualTo("2");
        assertThat(r.get(n("missing")).failure()).containsInstanceOf(SecretNotFoundException.class);
        assertThat(store.batches.get()).isEqualTo(1);
        assertThat(store.batchedNames.get()).isEqualTo(3);
        assertThat(spi.readAll(List.of(n("c"), n("a"), n("b"))).keySet()).containsExactly(n("c"), n("a"), n("b"));
        assertThat(store.batches.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("denials and not-found are never cached: the next read asks again")
    void failuresAreNotCached() {
        CachingSpi spi = cached(CacheSettings.defaults());
        store.failure = name -> new AccessDeniedException("test", null, name, "denied", null, null);
        assertThatThrownBy(() -> text(spi, "a")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> text(spi, "a")).isInstanceOf(AccessDeniedException.class);
        assertThat(store.reads.get()).isEqualTo(2);
        store.failure = name -> null;
        assertThatThrownBy(() -> text(spi, "a")).isInstanceOf(SecretNotFoundException.class);
        store.set("a", "v1");
        assertThat(text(spi, "a")).isEqualTo("v1");
        assertThat(store.reads.get()).isEqualTo(4);
    }

    @Test
    @DisplayName("readAll caches no failure either: a name not found or denied in a batch is asked for again")
    void readAllCachesNoFailure() {
        store.set("a", "1");
        store.set("denied", "2");
        CachingSpi spi = cached(CacheSettings.defaults());
        store.failure = name -> name.value().equals("denied")
                ? new AccessDeniedException("test", null, name, "denied", null, null) : null;
        List<SecretName> names = List.of(n("a"), n("missing"), n("denied"));
        for (int round = 1; round <= 2; round++) {
            Map<SecretName, ReadResult> r = spi.readAll(names);
            assertThat(r.get(n("a")).secret()).isPresent();
            assertThat(r.get(n("missing")).failure()).containsInstanceOf(SecretNotFoundException.class);
            assertThat(r.get(n("denied")).failure()).containsInstanceOf(AccessDeniedException.class);
        }
        assertThat(store.batches.get()).as("one batch a round").isEqualTo(2);
        assertThat(store.batchedNames.get()).as("the failed names asked for again; the value read once").isEqualTo(5);
        assertThat(handle(spi).stats().size()).as("only the value is held").isEqualTo(1);
    }

    @Test
    @DisplayName("a value that expires (past ttl + staleIfError) leaves the cache zeroed")
    void expiryZeroes() {
        store.set("a", "v1");
        store.set("b", "v1");
        CachingSpi spi = cached(CacheSettings.builder().ttl(Duration.ofMinutes(5)).staleIfError(Duration.ofMinutes(1)).build());
        text(spi, "a");
        SecretValue heldForA = store.handedOut.get(0);
        advance(Duration.ofMinutes(6).plusSeconds(1));
        text(spi, "b"); // a write: Caffeine's maintenance runs (on this thread) and expires "a"
        assertThat(heldForA.isDestroyed()).as("the expired value is zeroed").isTrue();
        assertThat(handle(spi).stats().size()).isEqualTo(1);
    }

    @Test
    @DisplayName("a denial while refreshing drops the cached value instead of serving it")
    void denialOnRefreshDropsTheValue() {
        store.set("a", "v1");
        CachingSpi spi = cached(CacheSettings.defaults());
        text(spi, "a");
        advance(Duration.ofMinutes(5).plusSeconds(30));
        store.failure = name -> new AccessDeniedException("test", null, name, "denied", null, null);
        assertThatThrownBy(() -> text(spi, "a")).isInstanceOf(AccessDeniedException.class);
        store.failure = name -> null;
        text(spi, "a");
        assertThat(store.reads.get()).isEqualTo(2);
    }

    @Test
    @DisplayName("while the store is unavailable a value past its ttl is served for staleIfError, with an event; then the failure")
    void staleOnError() {
        store.set("a", "v1");
        CachingSpi spi = cached(CacheSettings.builder().ttl(Duration.ofMinutes(5)).staleIfError(Duration.ofMinutes(2)).build());
        text(spi, "a");
        store.failure = name -> new StoreUnavailableException("down");
        advance(Duration.ofMinutes(5).plusSeconds(30));
        assertThat(text(spi, "a")).isEqualTo("v1");
        assertThat(events).extracting(CacheEvent::kind).contains(CacheEvent.Kind.STALE_SERVED);
        assertThat(handle(spi).stats().staleServed()).isEqualTo(1);
        assertThat(spi.readAll(List.of(n("a"))).get(n("a")).secret()).isPresent();

        advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> text(spi, "a")).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    @DisplayName("the size bound holds; evictions are counted, zero the value, and say so in an event")
    void boundedSize() {
        CachingSpi spi = cached(CacheSettings.builder().maxEntries(10).build());
        for (int i = 0; i < 50; i++) {
            store.set("s" + i, "v" + i);
            text(spi, "s" + i);
        }
        SecretCache cache = handle(spi);
        assertThat(cache.stats().size()).isLessThanOrEqualTo(10);
        assertThat(cache.stats().evictions()).isGreaterThanOrEqualTo(40);
        assertThat(events).extracting(CacheEvent::kind).contains(CacheEvent.Kind.EVICTED_UNDER_PRESSURE);
        long zeroed = store.handedOut.stream().filter(SecretValue::isDestroyed).count();
        assertThat(zeroed).isEqualTo(cache.stats().evictions());
    }

    @Test
    @DisplayName("eviction sees every read: names read often displace names read once, and stay while a scan passes")
    void skewedWorkloadKeepsHotNames() {
        CachingSpi spi = cached(CacheSettings.builder().maxEntries(100).build());
        for (int i = 0; i < 200; i++) {
            store.set("once" + i, "o");
        }
        for (int i = 0; i < 10; i++) {
            store.set("hot" + i, "h");
        }
        for (int i = 0; i < 200; i++) {
            spi.checkNameAndRead(n("once" + i)); // fills the cache with names read once
        }
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < 10; k++) {
                spi.checkNameAndRead(n("hot" + i)); // one miss, then hits: only recorded hits make it hot
            }
        }
        for (int i = 0; i < 200; i++) {
            spi.checkName(n("once" + i)); // the engine's other operations: lookups that record no access
        }
        int readsBefore = store.reads.get();
        for (int i = 0; i < 10; i++) {
            spi.checkNameAndRead(n("hot" + i));
        }
        // With reads looked up quietly (no access recorded), the hot names lose to the names read once and
        // this fails: it guards the eviction quality that sampled or quiet lookups would cost.
        assertThat(store.reads.get() - readsBefore).as("hot names read from the store again").isZero();
        assertThat(handle(spi).stats().evictions()).as("the cache was under pressure").isGreaterThanOrEqualTo(100);
    }

    @Test
    @DisplayName("reads of a given version, describe and list go to the store")
    void versionedReadsPassThrough() {
        store.set("a", "v1");
        CachingSpi spi = cached(CacheSettings.defaults());
        spi.read(n("a"), Optional.of("1"));
        spi.read(n("a"), Optional.of("1"));
        spi.describe(n("a"));
        assertThat(store.reads.get()).isEqualTo(2);
        assertThat(store.describes.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("closing the store zeroes every cached value")
    void closeZeroes() {
        store.set("a", "v1");
        CachingSpi spi = cached(CacheSettings.defaults());
        text(spi, "a");
        spi.close();
        assertThat(store.handedOut).allSatisfy(v -> assertThat(v.isDestroyed()).isTrue());
    }

    @Test
    @DisplayName("no event or toString carries a value")
    void noValueInEventsOrToString() {
        store.set("a", "canary-value-123");
        CachingSpi spi = cached(CacheSettings.builder().maxEntries(1).build());
        text(spi, "a");
        store.set("b", "canary-value-123");
        text(spi, "b");
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain("canary"));
        assertThat(spi.toString() + handle(spi)).doesNotContain("canary");
    }

    @Test
    @DisplayName("it overrides every SecretStoreSpi method, so a method the SPI gains later is never silently skipped")
    void delegatesEverySpiMethod() {
        List<String> missing = new ArrayList<>();
        for (Method m : SecretStoreSpi.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            try {
                Method own = CachingSpi.class.getMethod(m.getName(), m.getParameterTypes());
                if (own.getDeclaringClass() != CachingSpi.class) {
                    missing.add(m.getName() + Arrays.toString(m.getParameterTypes()));
                }
            } catch (NoSuchMethodException e) {
                missing.add(m.getName());
            }
        }
        assertThat(missing).as("SPI methods the cache does not override (it must delegate or cache each)").isEmpty();
    }
}
