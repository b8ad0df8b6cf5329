package dev.secretstore.cache.internal;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code System.nanoTime()} as one daemon thread last read it, so that a cache hit reads a field instead of the
 * clock: on a KVM guest a clock read costs about 25 ns, more than the rest of a hit. The thread runs only while a
 * cache that uses the clock is open (or not yet collected), and reads the clock at the finest resolution any of
 * them asked for; a value is therefore judged at most one resolution (plus scheduling delay) late, and never early
 * by more than that either.
 *
 * <p>The thread holds its caches weakly and stops when none is left, so that an application that drops its
 * caches (and the class loader they came from) without closing them does not keep a thread, or the loader, alive.
 */
final class CoarseClock {

    /** 1/1000 of a cache's ttl, within these bounds. */
    static final Duration FINEST = Duration.ofMillis(1);
    static final Duration COARSEST = Duration.ofSeconds(1);

    private static final AtomicLong NOW = new AtomicLong(System.nanoTime());
    private static final Object LOCK = new Object();
    private static final List<Registration> REGISTERED = new ArrayList<>();
    private static Thread ticker;

    private CoarseClock() {
    }

    /** The time the ticker last read, on {@code System.nanoTime()}'s scale. */
    static long now() {
        return NOW.get();
    }

    /** @return the clock resolution for a cache with this ttl */
    static Duration resolutionFor(Duration ttl) {
        Duration r = ttl.dividedBy(1000);
        return r.compareTo(FINEST) < 0 ? FINEST : r.compareTo(COARSEST) > 0 ? COARSEST : r;
    }

    /**
     * Keeps the clock ticking for {@code owner} at least every {@code resolution}, until the registration is closed
     * or the owner is collected.
     */
    static Registration register(Object owner, Duration resolution) {
        Registration r = new Registration(owner, resolution.toNanos());
        synchronized (LOCK) {
            REGISTERED.add(r);
            advance(); // a clock that was idle is current before the first read
            if (ticker == null) {
                Thread t = new Thread(CoarseClock::tick, "secretstore-cache-clock");
                t.setDaemon(true);
                t.setContextClassLoader(null);
                ticker = t;
                t.start();
            } else {
                LockSupport.unpark(ticker); // a finer resolution applies now, not after the current wait
            }
        }
        return r;
    }

    /** Whether the ticker thread is running (for tests). */
    static boolean ticking() {
        synchronized (LOCK) {
            return ticker != null;
        }
    }

    private static void advance() {
        long read = System.nanoTime();
        NOW.accumulateAndGet(read, (held, fresh) -> fresh - held > 0 ? fresh : held); // never backwards
    }

    private static void tick() {
        while (true) {
            long wait;
            synchronized (LOCK) {
                REGISTERED.removeIf(r -> r.closed || r.owner.get() == null);
                if (REGISTERED.isEmpty() || ticker != Thread.currentThread()) {
                    if (ticker == Thread.currentThread()) {
                        ticker = null;
                    }
                    return;
                }
                wait = Long.MAX_VALUE;
                for (Registration r : REGISTERED) {
                    wait = Math.min(wait, r.resolutionNanos);
                }
            }
            advance();
            LockSupport.parkNanos(wait);
        }
    }

    /** One cache's use of the clock. */
    static final class Registration implements AutoCloseable {
        private final WeakReference<Object> owner;
        private final long resolutionNanos;
        private volatile boolean closed;

        private Registration(Object owner, long resolutionNanos) {
            this.owner = new WeakReference<>(owner);
            this.resolutionNanos = resolutionNanos;
        }

        @Override
        public void close() {
            closed = true;
            synchronized (LOCK) {
                REGISTERED.remove(this);
                if (REGISTERED.isEmpty() && ticker != null) {
                    LockSupport.unpark(ticker); // it sees nothing left and stops
                    ticker = null;
                }
            }
        }
    }
}
