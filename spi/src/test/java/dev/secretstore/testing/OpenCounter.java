package dev.secretstore.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts how often the shaped test providers opened a store, i.e. would have built a cloud client. */
public final class OpenCounter {

    public static final AtomicInteger OPENS = new AtomicInteger();

    private OpenCounter() {
    }
}
