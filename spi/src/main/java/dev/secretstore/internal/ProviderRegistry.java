package dev.secretstore.internal;

import dev.secretstore.SecretStoreException;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lazy discovery, once per class loader, cached. A provider whose constructor calls back into
 * discovery on the same thread would recurse forever; that call fails instead, and the provider is
 * reported as broken.
 *
 * <p>The cache must not keep a discarded class loader alive (an application server drops a web
 * application's loader on redeploy). A discovery result that holds a provider defined by the loader it
 * was made for would, through the provider's class, keep that loader reachable from the cache. Such a
 * result is therefore held weakly by the cache and strongly by the provider classes themselves (a
 * {@link ClassValue}, which lives in the class, and so in the loader): it lives exactly as long as the
 * loader. A result with no provider of the loader's own is held strongly, as it cannot reach the loader
 * (only its failures may, through a cause's stack; those results are held weakly and, rarely, found again).
 */
public final class ProviderRegistry {

    private static final Map<ClassLoader, Reference<ProviderDiscovery>> CACHE = new WeakHashMap<>();
    private static final Map<ClassLoader, ProviderDiscovery> STRONG = new WeakHashMap<>();
    private static final ClassValue<List<ProviderDiscovery>> PINNED_BY_CLASS = new ClassValue<>() {
        @Override
        protected List<ProviderDiscovery> computeValue(Class<?> type) {
            return new CopyOnWriteArrayList<>();
        }
    };
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
            ProviderDiscovery cached = cached(key);
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
                ProviderDiscovery winner = cached(key);
                if (winner != null) {
                    return winner;
                }
                remember(key, loaded);
                return loaded;
            }
        } finally {
            LOADING.set(Boolean.FALSE);
        }
    }

    private static ProviderDiscovery cached(ClassLoader key) {
        ProviderDiscovery strong = STRONG.get(key);
        if (strong != null) {
            return strong;
        }
        Reference<ProviderDiscovery> ref = CACHE.get(key);
        return ref == null ? null : ref.get();
    }

    private static void remember(ClassLoader key, ProviderDiscovery discovery) {
        boolean pinned = false;
        for (ProviderDiscovery.Installed installed : discovery.installed()) {
            Class<?> type = installed.provider().getClass();
            if (type.getClassLoader() == key) {
                PINNED_BY_CLASS.get(type).add(discovery);
                pinned = true;
            }
        }
        if (pinned || !discovery.failures().isEmpty()) {
            CACHE.put(key, new WeakReference<>(discovery));
        } else {
            STRONG.put(key, discovery);
        }
    }

    /**
     * Forgets the cached result for a loader, so the next call discovers again.
     *
     * @param loader the class loader; {@code null} means the loader of this library
     */
    public static void forget(ClassLoader loader) {
        ClassLoader effective = loader != null ? loader : ProviderRegistry.class.getClassLoader();
        ClassLoader key = effective != null ? effective : BOOTSTRAP_KEY;
        synchronized (CACHE) {
            ProviderDiscovery gone = cached(key);
            CACHE.remove(key);
            STRONG.remove(key);
            if (gone != null) {
                gone.installed().forEach(i -> PINNED_BY_CLASS.get(i.provider().getClass()).remove(gone));
            }
        }
    }
}
