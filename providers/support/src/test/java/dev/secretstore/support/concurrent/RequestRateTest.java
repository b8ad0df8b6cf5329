package dev.secretstore.support.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.SecretStoreException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestRateTest {

    @Test
    void spacesPermitsEvenlyAcrossThreads() throws Exception {
        RequestRate rate = RequestRate.perSecond("test", 20);
        List<Long> taken = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 3; i++) {
                        rate.acquire();
                        taken.add(System.nanoTime());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(taken);
        Collections.sort(sorted);
        // 12 permits at 20 per second: the first is free, the second may come early (the limiter's cycles are
        // aligned to its creation), the other ten are 50 ms apart at least. A lower bound only: a loaded machine
        // may make it slower, never faster.
        long spanMillis = TimeUnit.NANOSECONDS.toMillis(sorted.get(sorted.size() - 1) - sorted.get(0));
        assertThat(sorted).hasSize(12);
        assertThat(spanMillis).isGreaterThanOrEqualTo(10 * 50 - 25);
        // and no burst: no 250 ms window holds more than 250 ms × 20/s + 1 = 6 permits
        for (int i = 0; i + 6 < sorted.size(); i++) {
            assertThat(TimeUnit.NANOSECONDS.toMillis(sorted.get(i + 6) - sorted.get(i)))
                    .as("7 permits span at least 6 periods less one").isGreaterThanOrEqualTo(5 * 50 - 25);
        }
    }

    @Test
    void aWaitingCallerThatIsInterruptedGetsATypedErrorAndKeepsItsInterruptStatus() throws Exception {
        RequestRate rate = RequestRate.perSecond("test", 1);
        rate.acquire(); // the one permit of the first second
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            started.countDown();
            try {
                rate.acquire();
                rate.acquire(); // at least this one must wait about a second
            } catch (RuntimeException e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        started.await();
        Thread.sleep(100);
        waiter.interrupt();
        waiter.join(10_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("interrupted while waiting for the request rate bound");
        assertThat(stillInterrupted.get()).isTrue();
    }

    @Test
    void anAlreadyInterruptedCallerDoesNotWait() {
        RequestRate rate = RequestRate.perSecond("test", 1);
        rate.acquire();
        Thread.currentThread().interrupt();
        try {
            long start = System.nanoTime();
            assertThatThrownBy(rate::acquire).isInstanceOf(SecretStoreException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void acceptsOnlyRatesFromOneToTheMaximum() {
        assertThat(RequestRate.perSecond("test", 1).perSecond()).isEqualTo(1);
        assertThat(RequestRate.perSecond("test", RequestRate.MAX_PER_SECOND).perSecond())
                .isEqualTo(RequestRate.MAX_PER_SECOND);
        assertThatThrownBy(() -> RequestRate.perSecond("test", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestRate.perSecond("test", RequestRate.MAX_PER_SECOND + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNamesTheLimiterAndItsRate() {
        assertThat(RequestRate.perSecond("secretstore-aws-read", 50).toString())
                .isEqualTo("RequestRate[secretstore-aws-read, perSecond=50]");
    }
}
