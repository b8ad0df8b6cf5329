package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.testing.IsolatedProviderLoader;
import dev.secretstore.testing.MemoryProvider;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the provider registry does not keep a discarded class loader alive (redeploy leak)")
class RegistryReleasesLoadersTest {

    @Test
    @DisplayName("a loader that defines its own provider is collected once dropped, after discovery and an open")
    void loaderDefiningItsProviderIsCollected(@TempDir Path dir) throws Exception {
        WeakReference<ClassLoader> ref = useAndDrop(dir, Set.of(MemoryProvider.class.getName()));
        assertThat(collected(ref)).as("the dropped class loader was garbage-collected").isTrue();
    }

    @Test
    @DisplayName("a loader whose providers come from its parent is collected once dropped")
    void loaderWithParentProvidersIsCollected(@TempDir Path dir) throws Exception {
        WeakReference<ClassLoader> ref = useAndDrop(dir, Set.of());
        assertThat(collected(ref)).as("the dropped class loader was garbage-collected").isTrue();
    }

    @Test
    @DisplayName("while the loader lives, discovery runs once for it (the result stays cached)")
    void cachedWhileAlive(@TempDir Path dir) {
        IsolatedProviderLoader loader = IsolatedProviderLoader.over(dir, List.of(MemoryProvider.class.getName()),
                Set.of(MemoryProvider.class.getName()), Set.of());
        List<ProviderInfo> first = SecretStores.installedProviders(loader);
        System.gc();
        List<ProviderInfo> second = SecretStores.installedProviders(loader);
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("the same discovery result, not a new one").isSameAs(first.get(i));
        }
    }

    private static WeakReference<ClassLoader> useAndDrop(Path dir, Set<String> childFirst) throws Exception {
        Files.createDirectories(dir);
        IsolatedProviderLoader loader = IsolatedProviderLoader.over(dir, List.of(MemoryProvider.class.getName()),
                childFirst, Set.of());
        assertThat(SecretStores.installedProviders(loader)).extracting(ProviderInfo::name).contains("memory");
        try (SecretStore store = SecretStores.open(java.util.Map.of("provider", "memory"), loader)) {
            store.put(SecretName.of("a"), SecretValue.ofText("v"));
        }
        WeakReference<ClassLoader> ref = new WeakReference<>(loader);
        loader.close();
        return ref;
    }

    /** Bounded: a few dozen collections at most; a loader still reachable after them is a leak. */
    private static boolean collected(WeakReference<ClassLoader> ref) throws InterruptedException {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            byte[][] pressure = new byte[64][];
            for (int j = 0; j < pressure.length; j++) {
                pressure[j] = new byte[64 * 1024];
            }
            Thread.sleep(20);
        }
        return ref.get() == null;
    }
}
