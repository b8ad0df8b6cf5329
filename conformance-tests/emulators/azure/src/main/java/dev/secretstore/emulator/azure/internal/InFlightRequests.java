package dev.secretstore.emulator.azure.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests received and not yet answered (injected latency included), and the most there have been at once since
 * the last reset: lets a client's tests check a concurrency limit without timing anything.
 */
public final class InFlightRequests {
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger highWater = new AtomicInteger();

    void arrived() {
        int now = current.incrementAndGet();
        highWater.accumulateAndGet(now, Math::max);
    }

    void answered() {
        current.decrementAndGet();
    }

    public int highWaterMark() {
        return highWater.get();
    }

    /** Starts the high-water mark again from the requests in flight now. */
    public void resetHighWaterMark() {
        highWater.set(current.get());
    }
}
