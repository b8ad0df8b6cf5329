package dev.secretstore.cache;

/** Receives {@link CacheEvent}s; called on the thread that caused the event, so it must be quick. */
@FunctionalInterface
public interface CacheListener {

    /** @param event what happened; never carries a value */
    void onEvent(CacheEvent event);
}
