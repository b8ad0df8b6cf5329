package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.testing.BrokenConstructorProvider;
import dev.secretstore.testing.CountedConstructionProvider;
import dev.secretstore.testing.IsolatedProviderLoader;
import dev.secretstore.testing.MemoryProvider;
import dev.secretstore.testing.NeedsDependencyProvider;
import dev.secretstore.testing.OpenCounter;
import dev.secretstore.testing.RecursiveProvider;
import dev.secretstore.testing.SecondMemoryProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Provider discovery")
class DiscoveryTest {

    @TempDir
    Path dir;

    private static List<String> names(List<ProviderInfo> providers) {
        return providers.stream().map(ProviderInfo::name).collect(Collectors.toList());
    }

    @Test
    @DisplayName("providers defined only in the test sources are found through ServiceLoader and described")
    void findsTestProviders() {
        List<ProviderInfo> providers = SecretStores.installedProviders();
        assertThat(names(providers)).contains("memory", "aws", "azure", "gcp", "local");
        ProviderInfo memory = providers.stream().filter(p -> p.name().equals("memory")).findFirst().orElseThrow();
        assertThat(memory.description()).isEqualTo("in-memory store for tests");
        assertThat(memory.version()).isEqualTo("test");
        assertThat(memory.type()).isEqualTo("memory");
        assertThat(memory.supports(Capability.VERSIONS)).isTrue();
        assertThat(memory.configFields()).extracting(ConfigField::name).containsExactly("readOnly");
        assertThat(memory.source()).hasValueSatisfying(s -> assertThat(s).contains("test-classes"));
    }

    @Test
    @DisplayName("listing providers opens no store (builds no client)")
    void listingBuildsNoClient() {
        int before = OpenCounter.OPENS.get();
        SecretStores.installedProviders(IsolatedProviderLoader.over(dir, List.of(
                "dev.secretstore.testing.AwsShapedProvider", "dev.secretstore.testing.AzureShapedProvider",
                "dev.secretstore.testing.GcpShapedProvider")));
        assertThat(OpenCounter.OPENS.get()).isEqualTo(before);
    }

    @Test
    @DisplayName("discovery is lazy and happens once per class loader")
    void lazyOncePerLoader(@TempDir Path other) {
        int before = CountedConstructionProvider.CONSTRUCTED.get();
        ClassLoader first = IsolatedProviderLoader.over(dir, List.of(CountedConstructionProvider.class.getName()));
        ClassLoader second = IsolatedProviderLoader.over(other, List.of(CountedConstructionProvider.class.getName(),
                MemoryProvider.class.getName()));
        assertThat(CountedConstructionProvider.CONSTRUCTED.get()).as("constructed before any lookup").isEqualTo(before);

        assertThat(names(SecretStores.installedProviders(first))).containsExactly("counted");
        SecretStores.installedProviders(first);
        SecretStores.providerLoadFailures(first);
        SecretStores.getInstance("counted", java.util.Map.of(), first).close();
        assertThat(CountedConstructionProvider.CONSTRUCTED.get()).as("constructed after lookups through one loader")
                .isEqualTo(before + 1);

        assertThat(names(SecretStores.installedProviders(second))).containsExactly("counted", "memory");
        assertThat(CountedConstructionProvider.CONSTRUCTED.get()).as("constructed after a second loader's lookup")
                .isEqualTo(before + 2);
    }

    @Test
    @DisplayName("results are cached per class loader and unmodifiable")
    void cachedAndUnmodifiable() {
        ClassLoader loader = IsolatedProviderLoader.over(dir, List.of(MemoryProvider.class.getName()));
        List<ProviderInfo> first = SecretStores.installedProviders(loader);
        assertThat(SecretStores.installedProviders(loader).get(0)).isSameAs(first.get(0));
        assertThatThrownBy(() -> first.add(first.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> SecretStores.providerLoadFailures(loader).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("a provider whose constructor throws is reported (class, source, why) and the others still load")
    void brokenConstructor() {
        ClassLoader loader = IsolatedProviderLoader.over(dir, List.of(BrokenConstructorProvider.class.getName(),
                MemoryProvider.class.getName()));
        assertThat(names(SecretStores.installedProviders(loader))).containsExactly("memory");
        assertThat(SecretStores.providerLoadFailures(loader)).singleElement().satisfies(f -> {
            assertThat(f.providerClass()).isEqualTo(BrokenConstructorProvider.class.getName());
            assertThat(f.reason()).contains("could not be instantiated").contains("IllegalStateException")
                    .contains("boom");
            assertThat(f.source()).hasValueSatisfying(s -> assertThat(s).contains(dir.getFileName().toString()));
            assertThat(f.cause()).isPresent();
        });
    }

    @Test
    @DisplayName("a service entry naming a class that does not exist is reported and skipped")
    void missingClass() {
        ClassLoader loader = IsolatedProviderLoader.over(dir, List.of("com.example.NoSuchProvider",
                MemoryProvider.class.getName()));
        assertThat(names(SecretStores.installedProviders(loader))).containsExactly("memory");
        assertThat(SecretStores.providerLoadFailures(loader)).singleElement().satisfies(f -> {
            assertThat(f.providerClass()).isEqualTo("com.example.NoSuchProvider");
            assertThat(f.reason()).contains("the class does not exist");
            assertThat(f.source()).hasValueSatisfying(s -> assertThat(s).contains("META-INF/services"));
        });
    }

    @Test
    @DisplayName("a provider missing a dependency (NoClassDefFoundError) is reported and skipped")
    void missingDependency() {
        String provider = NeedsDependencyProvider.class.getName();
        ClassLoader loader = IsolatedProviderLoader.over(dir, List.of(provider, MemoryProvider.class.getName()),
                Set.of(provider), Set.of(NeedsDependencyProvider.SdkClient.class.getName()));
        assertThat(names(SecretStores.installedProviders(loader))).containsExactly("memory");
        assertThat(SecretStores.providerLoadFailures(loader)).singleElement().satisfies(f -> {
            assertThat(f.providerClass()).isEqualTo(provider);
            assertThat(f.reason()).contains("a class it needs is missing").contains("NeedsDependencyProvider$SdkClient");
        });
    }

    @Test
    @DisplayName("a second provider with the same name is reported as a duplicate; the first wins")
    void duplicates() {
        ClassLoader loader = IsolatedProviderLoader.over(dir, List.of(MemoryProvider.class.getName(),
                SecondMemoryProvider.class.getName()));
        List<ProviderInfo> providers = SecretStores.installedProviders(loader);
        assertThat(providers).singleElement().satisfies(p -> assertThat(p.description()).isEqualTo("in-memory store for tests"));
        assertThat(SecretStores.providerLoadFailures(loader)).singleElement().satisfies(f -> {
            assertThat(f.providerClass()).isEqualTo(SecondMemoryProvider.class.getName());
            assertThat(f.reason()).contains("duplicate provider name 'memory'").contains(MemoryProvider.class.getName());
        });
    }

    @Test
    @DisplayName("a provider that calls SecretStores while loading is reported instead of recursing")
    void recursion() {
        ClassLoader loader = IsolatedProviderLoader.over(dir, List.of(RecursiveProvider.class.getName(),
                MemoryProvider.class.getName()));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            assertThat(names(SecretStores.installedProviders())).containsExactly("memory");
            assertThat(SecretStores.providerLoadFailures()).singleElement().satisfies(f ->
                    assertThat(f.reason()).contains("recursive provider loading"));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    @DisplayName("a lookup that finds nothing names a provider that failed to load as the cause")
    void failureBecomesCause() {
        ClassLoader loader = IsolatedProviderLoader.over(dir, List.of(BrokenConstructorProvider.class.getName()));
        assertThatThrownBy(() -> SecretStores.getInstance("broken", java.util.Map.of(), loader))
                .isInstanceOf(NoSuchProviderException.class)
                .hasMessageStartingWith("broken SecretStore not available. Remediation: installed providers: none; 1 provider(s) failed to load")
                .cause().hasMessageContaining(BrokenConstructorProvider.class.getName());
    }
}
