package dev.secretstore.emulator.aws.internal.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** How many TCP connections clients opened, and how many are open now: shows whether a client pools them. */
public final class ConnectionStats {
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();

    void opened() {
        accepted.incrementAndGet();
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    public long accepted() {
        return accepted.get();
    }

    public int open() {
        return open.get();
    }

    public void resetAccepted() {
        accepted.set(0);
    }
}
