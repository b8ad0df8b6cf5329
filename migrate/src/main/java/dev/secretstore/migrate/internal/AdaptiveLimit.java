package dev.secretstore.migrate.internal;

/**
 * How many secrets are copied at once: starts at the configured maximum, halves when a store throttles, and grows
 * back by one after a run of successes (additive increase, multiplicative decrease), so that a throttling store
 * slows the migration down instead of failing it.
 */
public final class AdaptiveLimit {

    private final int max;
    private int limit;
    private int inUse;
    private int successes;

    public AdaptiveLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.max = max;
        this.limit = max;
    }

    public synchronized void acquire() throws InterruptedException {
        while (inUse >= limit) {
            wait();
        }
        inUse++;
    }

    public synchronized void release() {
        inUse--;
        notifyAll();
    }

    /** @return the new limit */
    public synchronized int throttled() {
        limit = Math.max(1, limit / 2);
        successes = 0;
        return limit;
    }

    public synchronized void succeeded() {
        if (limit < max && ++successes >= 4 * limit) {
            limit++;
            successes = 0;
            notifyAll();
        }
    }

    public synchronized int current() {
        return limit;
    }
}
