package dev.secretstore.testing;

import com.google.auto.service.AutoService;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Declares the local provider's config of CONFIGS.md, so the facade's default-store path can be tested. */
@AutoService(SecretStoreProvider.class)
public final class LocalShapedProvider implements SecretStoreProvider {

    private static final Set<String> CLOUD_FIELDS = Set.of("auth_type", "awsRegion", "vaultUrl", "projectId");

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String description() {
        return "local-shaped test provider";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(
                ConfigField.builder("path").defaultValue("~/.secretstore/store").build(),
                ConfigField.builder("keyFile").defaultValue("~/.secretstore/master.key").build(),
                ConfigField.builder("keyEnv").description("environment variable holding the base64 key").build(),
                ConfigField.builder("readOnly").type(ConfigField.Type.BOOLEAN).defaultValue("false").build(),
                ConfigField.builder("tagKey").defaultValue("AirbyteManaged").build());
    }

    @Override
    public boolean recognises(Map<String, ?> config) {
        boolean localField = config.containsKey("path") || config.containsKey("keyFile") || config.containsKey("keyEnv");
        return localField && CLOUD_FIELDS.stream().noneMatch(config::containsKey);
    }

    @Override
    public String shapeDescription() {
        return "local: path / keyFile / keyEnv";
    }

    @Override
    public List<ConfigProblem> validate(StoreConfig c) {
        if (c.has("keyFile") && c.has("keyEnv")) {
            return List.of(ConfigProblem.of("keyEnv", "give either keyFile or keyEnv, not both"));
        }
        return List.of();
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        InMemorySpi spi = new InMemorySpi();
        return config.bool("readOnly").orElse(false) ? spi.denyWrites() : spi;
    }
}
