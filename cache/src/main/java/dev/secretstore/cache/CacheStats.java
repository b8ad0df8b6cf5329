package dev.secretstore.cache;

/**
 * Counters of a cache since its store was opened.
 *
 * @param hits          reads served from the cache without asking the store
 * @param misses        names that were not cached (or past their ttl) when read
 * @param loads         requests made to the store to fill the cache (a batch counts once)
 * @param evictions     values evicted because the size bound was reached
 * @param staleServed   values served past their ttl because the store was unavailable
 * @param size          values held now (approximate)
 */
public record CacheStats(long hits, long misses, long loads, long evictions, long staleServed, long size) {
}
