package dev.secretstore.internal;

import dev.secretstore.SecretStoreException;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Lazy discovery, once per class loader, cached. A provider whose constructor calls back into
 * discovery on the same thread would recurse forever; that call fails instead, and the provider is
 * reported as broken.
 */
public final class ProviderRegistry {

    private static final Map<ClassLoader, ProviderDiscovery> CACHE = new WeakHashMap<>();
    private static final ThreadLocal<Boolean> LOADING = ThreadLocal.withInitial(() -> Boolean.FALSE);
    // Stands in for the bootstrap loader, which WeakHashMap cannot key on.
    private static final ClassLoader BOOTSTRAP_KEY = new ClassLoader(null) { };

    private ProviderRegistry() {
    }

    /**
     * @param loader class loader; {@code null} means the loader of this library
     * @return the (cached) discovery result for that loader
     */
    public static ProviderDiscovery forLoader(ClassLoader loader) {
        ClassLoader effective = loader != null ? loader : ProviderRegistry.class.getClassLoader();
        ClassLoader key = effective != null ? effective : BOOTSTRAP_KEY;
        synchronized (CACHE) {
            ProviderDiscovery cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        if (LOADING.get()) {
            throw new SecretStoreException("recursive provider loading: a provider called SecretStores while "
                    + "being loaded; providers must not use SecretStores in their constructor");
        }
        LOADING.set(Boolean.TRUE);
        try {
            ProviderDiscovery loaded = ProviderDiscovery.load(effective);
            synchronized (CACHE) {
                // Another thread may have finished first: keep one result so callers agree.
                return CACHE.computeIfAbsent(key, k -> loaded);
            }
        } finally {
            LOADING.set(Boolean.FALSE);
        }
    }

    /**
     * Forgets the cached result for a loader, so the next call discovers again.
     *
     * @param loader the class loader; {@code null} means the loader of this library
     */
    public static void forget(ClassLoader loader) {
        ClassLoader effective = loader != null ? loader : ProviderRegistry.class.getClassLoader();
        synchronized (CACHE) {
            CACHE.remove(effective != null ? effective : BOOTSTRAP_KEY);
        }
    }
}
