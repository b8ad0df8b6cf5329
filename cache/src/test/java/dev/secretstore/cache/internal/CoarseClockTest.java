package dev.secretstore.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.cache.CacheSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The clock a cache hit reads instead of {@code System.nanoTime()}. These tests wait for real time to pass (polling
 * with a generous deadline, never asserting how long anything took); they assume no other cache is left open in
 * this JVM, which holds for this module's tests (each closes what it opens).
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
        waitFor(() -> !CoarseClock.ticking(), "the ticker to stop after the last registration closed");
    }

    @Test
    @DisplayName("a cache dropped without close does not keep the ticker (or its class loader) alive")
    void droppedOwnerStopsTheTicker() {
        CoarseClock.register(new Object(), Duration.ofMillis(1)); // owner unreachable at once, never closed
        assertThat(CoarseClock.ticking()).isTrue();
        waitFor(() -> {
            System.gc();
            return !CoarseClock.ticking();
        }, "the ticker to stop once its only owner was collected");
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
        waitFor(() -> !CoarseClock.ticking(), "the ticker to stop when the cache closed");
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
