package dev.secretstore.cache;

import dev.secretstore.SecretName;

/**
 * The handle of a store's read-through cache, for invalidation, statistics and events. A store opened
 * with a {@code cache} config field has one:
 *
 * <pre>{@code
 * SecretStore store = SecretStores.open(CacheSettings.defaults().addTo(config));
 * SecretCache cache = store.feature(SecretCache.class).orElseThrow();
 * cache.addListener(event -> log.info("{}", event));     // evictions under pressure, stale values served
 * cache.invalidate(SecretName.of("connections/pg/password"));
 * }</pre>
 *
 * Writes through the same store (create, put, tag changes, delete, restore) invalidate the name at once;
 * writes made elsewhere are seen after the ttl (sooner with {@link #invalidate}).
 */
public interface SecretCache {

    /** @param name forget this secret's cached value (zeroed now) */
    void invalidate(SecretName name);

    /** Forgets every cached value (each zeroed). */
    void invalidateAll();

    /** @return counters since the store was opened */
    CacheStats stats();

    /** @return the settings in force */
    CacheSettings settings();

    /** @param listener told of evictions under pressure, stale values served and refreshes */
    void addListener(CacheListener listener);
}
