package dev.secretstore.testing;

import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.List;
import java.util.Set;

/**
 * Stands for a provider jar whose SDK dependency is missing: loaded by {@link IsolatedProviderLoader}
 * with {@link SdkClient} hidden, its constructor fails with NoClassDefFoundError.
 */
public final class NeedsDependencyProvider implements SecretStoreProvider {

    private final Object client = new SdkClient();

    @Override
    public String name() {
        return "needs-dependency";
    }

    @Override
    public String description() {
        return String.valueOf(client);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of();
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        throw new AssertionError("unreachable");
    }

    /** The "dependency". */
    public static final class SdkClient {
    }
}
