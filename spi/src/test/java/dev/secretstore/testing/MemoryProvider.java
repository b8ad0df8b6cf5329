package dev.secretstore.testing;

import com.google.auto.service.AutoService;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A provider defined only in the test sources, registered with {@code @AutoService}. */
@AutoService(SecretStoreProvider.class)
public class MemoryProvider implements SecretStoreProvider {

    private final InMemorySpi spi;

    public MemoryProvider() {
        this(null);
    }

    /** @param spi the store every {@code open} returns; {@code null} for a fresh one each time */
    public MemoryProvider(InMemorySpi spi) {
        this.spi = spi;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String description() {
        return "in-memory store for tests";
    }

    @Override
    public String version() {
        return "test";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.VERSIONS, Capability.BINARY, Capability.TAGS, Capability.LIST_BY_PREFIX,
                Capability.READ_SPECIFIC_VERSION);
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(ConfigField.builder("readOnly").type(ConfigField.Type.BOOLEAN).defaultValue("false")
                .description("deny writes").build());
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        InMemorySpi store = spi != null ? spi : new InMemorySpi();
        return config.bool("readOnly").orElse(false) ? store.denyWrites() : store;
    }
}
