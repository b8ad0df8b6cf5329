package dev.secretstore.testing;

import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.List;
import java.util.Set;

/** A provider whose constructor throws; only ever listed in a test's own service file. */
public final class BrokenConstructorProvider implements SecretStoreProvider {

    public BrokenConstructorProvider() {
        throw new IllegalStateException("boom: cannot initialise the broken provider");
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public String description() {
        return "never constructed";
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
}
