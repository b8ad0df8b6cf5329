package dev.secretstore.support.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.AccessDeniedException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BoundedParallel")
class BoundedParallelTest {

    @Test
    @DisplayName("never runs more calls at once than its bound, and returns results in input order")
    void boundedAndOrdered() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (BoundedParallel parallel = new BoundedParallel("test", 3)) {
            List<Integer> out = parallel.map(IntStream.range(0, 30).boxed().toList(), i -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                return i * 2;
            });
            assertThat(out).isEqualTo(IntStream.range(0, 30).map(i -> i * 2).boxed().toList());
        }
        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    @DisplayName("runs calls at the same time up to its bound")
    void actuallyParallel() throws Exception {
        CountDownLatch allStarted = new CountDownLatch(3);
        try (BoundedParallel parallel = new BoundedParallel("test", 3)) {
            List<Boolean> out = parallel.map(List.of(1, 2, 3), i -> {
                allStarted.countDown();
                try {
                    return allStarted.await(10, TimeUnit.SECONDS); // only true if all three run together
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            assertThat(out).containsOnly(true);
        }
    }

    @Test
    @DisplayName("the first failure is thrown as it was")
    void failurePropagates() {
        try (BoundedParallel parallel = new BoundedParallel("test", 4)) {
            assertThatThrownBy(() -> parallel.map(List.of(1, 2, 3, 4), i -> {
                if (i == 3) {
                    throw new AccessDeniedException("denied");
                }
                return i;
            })).isInstanceOf(AccessDeniedException.class).hasMessage("denied");
        }
    }

    @Test
    @DisplayName("with a bound of one, or one item, calls run on the caller's thread")
    void inlineWhenSerial() {
        Thread caller = Thread.currentThread();
        try (BoundedParallel parallel = new BoundedParallel("test", 1)) {
            assertThat(parallel.map(List.of(1, 2), i -> Thread.currentThread())).containsOnly(caller);
        }
        try (BoundedParallel parallel = new BoundedParallel("test", 8)) {
            assertThat(parallel.map(List.of(1), i -> Thread.currentThread())).containsOnly(caller);
        }
    }
}
