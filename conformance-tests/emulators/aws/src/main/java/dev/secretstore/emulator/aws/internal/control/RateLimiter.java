package dev.secretstore.emulator.aws.internal.control;

import dev.secretstore.emulator.aws.Fault;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per operation (or {@code *} for all together), refilled continuously; a burst up to one second's
 * worth of requests passes. Uses the JVM's monotonic clock so moving the emulator clock does not refill buckets.
 */
public final class RateLimiter {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        final double perSecond;
        double tokens;
        long lastNanos;

        Bucket(double perSecond) {
            this.perSecond = perSecond;
            this.tokens = Math.max(1, perSecond);
            this.lastNanos = System.nanoTime();
        }

        synchronized boolean tryAcquire() {
            long now = System.nanoTime();
            tokens = Math.min(Math.max(1, perSecond), tokens + (now - lastNanos) / 1e9 * perSecond);
            lastNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    public void set(String operation, double requestsPerSecond) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be positive");
        }
        buckets.put(operation, new Bucket(requestsPerSecond));
    }

    public void clear() {
        buckets.clear();
    }

    public boolean tryAcquire(String operation) {
        Bucket specific = buckets.get(operation);
        Bucket all = buckets.get(Fault.ALL_OPERATIONS);
        return (specific == null || specific.tryAcquire()) && (all == null || all.tryAcquire());
    }
}
