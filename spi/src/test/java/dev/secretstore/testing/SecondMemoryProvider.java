package dev.secretstore.testing;

import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.List;
import java.util.Set;

/** A second provider claiming the name "memory", to test de-duplication. */
public final class SecondMemoryProvider implements SecretStoreProvider {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String description() {
        return "duplicate";
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
        return new InMemorySpi();
    }
}
