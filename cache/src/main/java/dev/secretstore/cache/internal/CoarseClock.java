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
 * It may outlive the code that started it (another application's cache keeps it running when this jar is shared),
 * so it keeps nothing of that code: no context class loader, no inheritable thread-local values, no access-control
 * context (whose protection domains name the class loaders of every caller on the starting stack).
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
                Thread t = newTicker();
                t.start(); // before it is recorded: a thread that failed to start must not pass for the ticker
                ticker = t; // the thread's first look at it waits for this lock
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

    // doPrivileged: a new thread inherits the access-control context of the stack that creates it (on Java 17 even
    // without a security manager), which would keep the class loaders of this cache's callers reachable for as long
    // as the thread runs; inside it, only this class's own domain is captured.
    @SuppressWarnings("removal")
    private static Thread newTicker() {
        return java.security.AccessController.doPrivileged((java.security.PrivilegedAction<Thread>) () -> {
            Thread t = new Thread(null, CoarseClock::tick, "secretstore-cache-clock", 0, false); // no inherited thread-locals
            t.setDaemon(true);
            t.setContextClassLoader(null);
            return t;
        });
    }

    private static void advance() {
        long read = System.nanoTime();
        NOW.accumulateAndGet(read, (held, fresh) -> fresh - held > 0 ? fresh : held); // never backwards
    }

    private static void tick() {
        boolean stopped = false;
        try {
            while (true) {
                long wait;
                synchronized (LOCK) {
                    REGISTERED.removeIf(r -> r.closed || r.owner.get() == null);
                    if (REGISTERED.isEmpty() || ticker != Thread.currentThread()) {
                        if (ticker == Thread.currentThread()) {
                            ticker = null; // under the same lock as the decision: a later registration starts another
                        }
                        stopped = true;
                        return;
                    }
                    wait = Long.MAX_VALUE;
                    for (Registration r : REGISTERED) {
                        wait = Math.min(wait, r.resolutionNanos);
                    }
                }
                advance();
                LockSupport.parkNanos(wait);
                // An interrupt must neither stop the clock (open caches would serve values past their ttl for ever)
                // nor, left set, make every later park return at once: a busy loop.
                Thread.interrupted();
            }
        } finally {
            if (!stopped) {
                replaceDeadTicker();
            }
        }
    }

    /** The ticker died of an Error: open caches must not be left on a clock that no longer moves. */
    private static void replaceDeadTicker() {
        synchronized (LOCK) {
            if (ticker == Thread.currentThread()) {
                ticker = null;
                if (!REGISTERED.isEmpty()) {
                    Thread t = newTicker();
                    t.start();
                    ticker = t;
                }
            }
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
