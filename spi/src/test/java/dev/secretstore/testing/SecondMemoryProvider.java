package dev.secretstore.testing;

import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;

/** A second provider claiming the name "memory", to test de-duplication. */
public final class SecondMemoryProvider extends DiscoveryOnlyProvider {

    public SecondMemoryProvider() {
        super("memory", "duplicate");
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        return new InMemorySpi();
    }
}
