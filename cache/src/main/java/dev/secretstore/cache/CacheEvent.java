package dev.secretstore.cache;

import dev.secretstore.SecretName;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the cache did that an operator may want to see. Carries names and reasons, never a value.
 *
 * @param kind   what happened
 * @param name   the secret concerned, if one
 * @param detail a short explanation, e.g. the failure that made a stale value be served
 */
public record CacheEvent(Kind kind, Optional<SecretName> name, String detail) {

    /** What happened. */
    public enum Kind {
        /** The size bound was reached and a value was evicted: raise {@code cache.maxEntries} if this repeats. */
        EVICTED_UNDER_PRESSURE,
        /** The store was unavailable when a value past its ttl was needed; the stale value was served. */
        STALE_SERVED,
        /** A value past its ttl was checked (a cheap describe): unchanged, so kept without re-reading it. */
        REFRESHED_UNCHANGED,
        /**
         * A value past its ttl had a new version, or no version to compare, and was read again; or it was read again
         * at once because the store's describe costs as much as a read (the detail says which).
         */
        RELOADED
    }

    /**
     * @param kind   what happened
     * @param name   the secret concerned, if one
     * @param detail a short explanation
     */
    public CacheEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }
}
