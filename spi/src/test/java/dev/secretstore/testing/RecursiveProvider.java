package dev.secretstore.testing;

import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.SecretStores;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.List;
import java.util.Set;

/** A provider that calls back into discovery while being loaded. */
public final class RecursiveProvider implements SecretStoreProvider {

    public RecursiveProvider() {
        SecretStores.installedProviders();
    }

    @Override
    public String name() {
        return "recursive";
    }

    @Override
    public String description() {
        return "recursive";
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
