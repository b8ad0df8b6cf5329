package dev.secretstore.conformance;

import dev.secretstore.DeleteOptions;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Plants foreign secrets through a provider's own {@link SecretStoreSpi}, bypassing the
 * {@link dev.secretstore.SecretStore} engine and therefore its managed tag. Works for any provider,
 * because every provider implements the public SPI.
 *
 * <pre>{@code
 * FixtureFeature.of(SpiForeignSecretPlanter.open("acme-vault", config))
 * }</pre>
 */
public final class SpiForeignSecretPlanter implements ForeignSecretPlanter, AutoCloseable {

    private final SecretStoreSpi spi;

    private SpiForeignSecretPlanter(SecretStoreSpi spi) {
        this.spi = Objects.requireNonNull(spi, "spi");
    }

    /** Plants through an SPI store the caller opened; the planter closes it. */
    public static SpiForeignSecretPlanter over(SecretStoreSpi spi) {
        return new SpiForeignSecretPlanter(spi);
    }

    /**
     * Finds the named provider on the thread's context class loader and opens its SPI directly with
     * {@code config} (the same map the privileged store was opened with).
     */
    public static SpiForeignSecretPlanter open(String providerName, Map<String, ?> config) {
        SecretStoreProvider provider = findProvider(providerName);
        return new SpiForeignSecretPlanter(provider.open(StoreConfig.of(provider.name(), config, provider.configFields())));
    }

    @Override
    public void plant(SecretName name, SecretValue value, Map<String, String> tags) {
        String tagKey = spi.managedTagKey();
        boolean claimsManaged = tags.entrySet().stream().anyMatch(tag ->
                tag.getKey().equalsIgnoreCase(tagKey) && tag.getValue().equalsIgnoreCase("true"));
        if (claimsManaged) {
            throw new IllegalArgumentException("a foreign secret must not carry " + tagKey + "=true");
        }
        spi.create(name, value, tags);
    }

    @Override
    public byte[] readValue(SecretName name) {
        return spi.read(name, Optional.empty()).value().bytes();
    }

    @Override
    public Map<String, String> readTags(SecretName name) {
        return spi.describe(name)
                .orElseThrow(() -> new IllegalStateException("planted secret " + name + " no longer exists"))
                .tags();
    }

    @Override
    public void remove(SecretName name) {
        if (spi.describe(name).isPresent()) {
            spi.delete(name, DeleteOptions.force());
        }
    }

    @Override
    public void close() {
        spi.close();
    }

    @Override
    public String toString() {
        return "SpiForeignSecretPlanter[" + spi.getClass().getName() + "]";
    }

    private static SecretStoreProvider findProvider(String providerName) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<SecretStoreProvider> found = ServiceLoader.load(SecretStoreProvider.class, loader).stream()
                .map(SpiForeignSecretPlanter::instantiate)
                .filter(Objects::nonNull)
                .collect(Collectors.toList());
        return found.stream()
                .filter(provider -> provider.name().equals(providerName))
                .findFirst()
                .orElseThrow(() -> new SecretStoreException("no such provider: " + providerName + " (installed: "
                        + found.stream().map(SecretStoreProvider::name).sorted().collect(Collectors.joining(", "))
                                .toLowerCase(Locale.ROOT) + ")"));
    }

    private static SecretStoreProvider instantiate(ServiceLoader.Provider<SecretStoreProvider> provider) {
        try {
            return provider.get();
        } catch (ServiceConfigurationError broken) {
            // SecretStores reports broken provider jars; the planter only needs the one it was asked for.
            return null;
        }
    }
}
