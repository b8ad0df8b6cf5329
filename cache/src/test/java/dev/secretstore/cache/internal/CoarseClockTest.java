package dev.secretstore.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.cache.CacheSettings;
import dev.secretstore.spi.SecretStoreSpi;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The clock a cache hit reads instead of {@code System.nanoTime()}. These tests wait for real time to pass (polling
 * with a generous deadline, never asserting how long anything took); they assume no other cache is left open in
 * this JVM, which holds for this module's tests (each closes what it opens). "Stopped" means the thread has ended,
 * not only that the clock forgot it.
 */
@DisplayName("the cache's coarse clock")
class CoarseClockTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Test
    @DisplayName("ticks at 1/1000 of the ttl, at least every second and at most every millisecond")
    void resolutionFollowsTheTtl() {
        assertThat(CoarseClock.resolutionFor(Duration.ofMinutes(5))).isEqualTo(Duration.ofMillis(300));
        assertThat(CoarseClock.resolutionFor(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(2));
        assertThat(CoarseClock.resolutionFor(Duration.ofMillis(50))).isEqualTo(Duration.ofMillis(1));
        assertThat(CoarseClock.resolutionFor(Duration.ofHours(24))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("is current when a cache registers, follows System.nanoTime() while it is open, and never runs ahead of it")
    void followsNanoTime() {
        long before = System.nanoTime();
        try (CoarseClock.Registration r = CoarseClock.register(this, Duration.ofMillis(1))) {
            assertThat(CoarseClock.now() - before).as("read at registration").isGreaterThanOrEqualTo(0);
            assertThat(CoarseClock.now() - System.nanoTime()).as("never ahead").isLessThanOrEqualTo(0);
            long registered = CoarseClock.now();
            waitFor(() -> CoarseClock.now() - registered > 0, "the clock to advance on its own");
            assertThat(CoarseClock.ticking()).isTrue();
        }
        waitFor(() -> !CoarseClock.ticking() && liveTickers().isEmpty(), "the ticker to stop after the last registration closed");
    }

    @Test
    @DisplayName("a cache dropped without close does not keep the ticker (or its class loader) alive")
    void droppedOwnerStopsTheTicker() {
        registerAnOwnerAndDropIt();
        waitFor(() -> {
            System.gc();
            return !CoarseClock.ticking() && liveTickers().isEmpty();
        }, "the ticker to stop once its only owner was collected");
    }

    private static void registerAnOwnerAndDropIt() {
        Object owner = new Object();
        CoarseClock.register(owner, Duration.ofMillis(1)); // never closed
        assertThat(CoarseClock.ticking()).isTrue();
        Reference.reachabilityFence(owner); // not collected (and the ticker not stopped) before the assertion
    }

    @Test
    @DisplayName("registrations opened and closed on 4 threads at once leave one ticker that keeps a later cache's clock moving, and none after it closes")
    void concurrentRegistrationsLeaveAWorkingTicker() throws Exception {
        waitForNoTicker();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        Object owner = new Object();
                        CoarseClock.Registration r = CoarseClock.register(owner, Duration.ofMillis(1 + i % 3));
                        if (i % 5 != 0) {
                            r.close(); // the others are dropped, as an unclosed cache is
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (CoarseClock.Registration r = CoarseClock.register(this, Duration.ofMillis(1))) {
            long registered = CoarseClock.now();
            waitFor(() -> CoarseClock.now() - registered > 0, "the clock to advance for a cache registered after the churn");
        }
        waitForNoTicker();
    }

    @Test
    @DisplayName("an interrupt neither stops the ticker nor makes it spin: it clears it and keeps ticking")
    void interruptIsCleared() {
        waitForNoTicker();
        try (CoarseClock.Registration r = CoarseClock.register(this, Duration.ofSeconds(1))) {
            Thread ticker = theOnlyTicker();
            ticker.interrupt();
            // Left set, the interrupt makes every parkNanos return at once: the thread would spin on a core for as
            // long as a cache is open.
            waitFor(() -> !ticker.isInterrupted(), "the ticker to clear its interrupt status");
            long after = CoarseClock.now();
            waitFor(() -> CoarseClock.now() - after > 0, "the clock to advance after the interrupt");
            assertThat(ticker.isAlive()).isTrue();
        }
        waitFor(() -> liveTickers().isEmpty(), "the ticker to stop when the cache closed");
    }

    @Test
    @DisplayName("the ticker keeps nothing of the application whose cache started it: its class loader is collected while another application's cache keeps the ticker running")
    void tickerDoesNotPinTheLoaderOfTheCodeThatStartedIt() throws Exception {
        waitForNoTicker();
        StartedElsewhere started = startTheTickerFromAnotherLoaderAndCloseThatCache();
        try {
            waitFor(() -> {
                System.gc();
                return started.application.get() == null;
            }, "the application's class loader to be collected (an inherited thread-local value or access-control "
                    + "context of the starting thread would keep it)");
            assertThat(started.ticker.isAlive()).as("the ticker it started still runs, for the other cache").isTrue();
        } finally {
            started.otherCache.close();
        }
        waitFor(() -> liveTickers().isEmpty(), "the ticker to stop when the last cache closed");
    }

    private record StartedElsewhere(WeakReference<ClassLoader> application, Thread ticker, CachingSpi otherCache) {
    }

    private static StartedElsewhere startTheTickerFromAnotherLoaderAndCloseThatCache() throws Exception {
        DefinesOneClass loader = new DefinesOneClass(OpensACacheFromItsOwnLoader.class);
        @SuppressWarnings("unchecked")
        Function<SecretStoreSpi, SecretStoreSpi> application = (Function<SecretStoreSpi, SecretStoreSpi>) loader
                .loadClass(OpensACacheFromItsOwnLoader.class.getName()).getDeclaredConstructor().newInstance();
        assertThat(application.getClass().getClassLoader()).isSameAs(loader);
        SecretStoreSpi applicationCache = application.apply(new CountingStore()); // no cache was open: starts the ticker
        Thread ticker = theOnlyTicker();
        CachingSpi otherCache = new CachingSpi(new CountingStore(), CacheSettings.defaults());
        applicationCache.close(); // the application is undeployed
        return new StartedElsewhere(new WeakReference<>(loader), ticker, otherCache);
    }

    /** Defines one class itself (from the test class path); everything else comes from its parent. */
    private static final class DefinesOneClass extends ClassLoader {
        private final String name;

        DefinesOneClass(Class<?> type) {
            super(type.getClassLoader());
            this.name = type.getName();
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (!className.equals(name)) {
                return super.loadClass(className, resolve);
            }
            synchronized (getClassLoadingLock(className)) {
                Class<?> defined = findLoadedClass(className);
                if (defined == null) {
                    try (InputStream in = getParent().getResourceAsStream(className.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        defined = defineClass(className, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(className, e);
                    }
                }
                return defined;
            }
        }
    }

    @Test
    @DisplayName("a cache on the real clock: a value past its ttl is confirmed with the store; closing the cache stops the ticker")
    void cacheOnTheRealClock() {
        CountingStore store = new CountingStore();
        store.set("a", "v1");
        CachingSpi spi = new CachingSpi(store, CacheSettings.builder().ttl(Duration.ofMillis(20)).build());
        try {
            assertThat(CoarseClock.ticking()).isTrue();
            SecretName a = SecretName.of("a");
            assertThat(spi.read(a, Optional.empty()).value().text()).isEqualTo("v1");
            waitFor(() -> {
                assertThat(spi.read(a, Optional.empty()).value().text()).isEqualTo("v1");
                return store.describes.get() > 0;
            }, "a read past the ttl to confirm the version");
            assertThat(store.reads.get()).as("the version was unchanged: never read again").isEqualTo(1);
        } finally {
            spi.close();
        }
        waitFor(() -> !CoarseClock.ticking() && liveTickers().isEmpty(), "the ticker to stop when the cache closed");
    }

    private static List<Thread> liveTickers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("secretstore-cache-clock") && t.isAlive())
                .toList();
    }

    private static Thread theOnlyTicker() {
        List<Thread> tickers = liveTickers();
        assertThat(tickers).as("ticker threads").hasSize(1);
        return tickers.get(0);
    }

    /** Registrations left by earlier tests end with their owners (collected) or their close. */
    private static void waitForNoTicker() {
        waitFor(() -> {
            System.gc();
            return liveTickers().isEmpty();
        }, "no ticker left from earlier tests");
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited " + DEADLINE + " for " + what).isLessThan(0);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
