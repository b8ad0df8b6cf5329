package dev.secretstore.testing;

import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.List;
import java.util.Set;

/**
 * Base of the providers that exist only to be discovered (broken, recursive, duplicate…): no
 * capabilities, no config fields, and no store unless a subclass opens one. Public, with a protected
 * constructor, because some subclasses are defined by a test's own child class loader.
 */
public abstract class DiscoveryOnlyProvider implements SecretStoreProvider {

    private final String name;
    private final String description;

    protected DiscoveryOnlyProvider(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
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
        throw new AssertionError("unreachable: " + name + " is only ever discovered");
    }
}
