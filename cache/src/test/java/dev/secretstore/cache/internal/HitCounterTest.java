package dev.secretstore.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the hit counter")
class HitCounterTest {

    @Test
    @DisplayName("counts exactly with 16 threads incrementing at once (threads whose ids share a slot contend, and lose nothing)")
    void exactUnderContention() throws Exception {
        HitCounter counter = new HitCounter();
        int threads = 16;
        int each = 200_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) {
                    counter.increment();
                }
            });
            thread.start();
            started.add(thread);
        }
        start.countDown();
        for (Thread thread : started) {
            thread.join();
        }
        assertThat(counter.sum()).isEqualTo((long) threads * each);
    }

    @Test
    @DisplayName("starts at zero and counts one thread's increments")
    void oneThread() {
        HitCounter counter = new HitCounter();
        assertThat(counter.sum()).isZero();
        for (int i = 0; i < 1_000; i++) {
            counter.increment();
        }
        assertThat(counter.sum()).isEqualTo(1_000);
    }
}
