package dev.secretstore.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts its constructions, to show when discovery happens; only ever listed in a test's own service
 * file (not registered with {@code @AutoService}).
 */
public final class CountedConstructionProvider extends MemoryProvider {

    public static final AtomicInteger CONSTRUCTED = new AtomicInteger();

    public CountedConstructionProvider() {
        CONSTRUCTED.incrementAndGet();
    }

    @Override
    public String name() {
        return "counted";
    }
}
