package dev.secretstore.support.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the policy sleeps (or a test says so); records every sleep. */
final class FakeTime implements Sleeper {

    private long nanos = 1_000_000_000L;
    final List<Duration> sleeps = new ArrayList<>();

    long nanoTime() {
        return nanos;
    }

    void advance(Duration d) {
        nanos += d.toNanos();
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    RetryPolicy install(RetryPolicy policy) {
        return policy.withSleeper(this).withNanoTime(this::nanoTime);
    }
}
