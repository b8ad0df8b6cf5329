package dev.secretstore.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.ConfigField;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fixture over store configs read from JSON files, for runs against real cloud accounts and from the
 * CLI. The foreign-secret planter opens the provider's SPI with the privileged config.
 */
final class ConfiguredFixture implements ConformanceFixture {

    private final ConformanceConfigFiles files;
    private final Map<String, Object> privilegedConfig;
    private final Optional<Map<String, Object>> readOnlyConfig;
    private final Optional<Map<String, Object>> badCredentialsConfig;
    private SecretStore privileged;
    private SecretStore readOnly;
    private SecretStore badCredentials;
    private SpiForeignSecretPlanter planter;

    private ConfiguredFixture(ConformanceConfigFiles files) {
        this.files = files;
        this.privilegedConfig = readConfig(files.privileged(), ConfiguredStoreConformanceTest.CONFIG_PROPERTY);
        this.readOnlyConfig = files.readOnly()
                .map(path -> readConfig(path, ConfiguredStoreConformanceTest.READONLY_CONFIG_PROPERTY));
        this.badCredentialsConfig = files.badCredentials()
                .map(path -> readConfig(path, ConfiguredStoreConformanceTest.BAD_CREDENTIALS_CONFIG_PROPERTY));
    }

    static ConfiguredFixture load(ConformanceConfigFiles files) {
        return new ConfiguredFixture(files);
    }

    @Override
    public synchronized SecretStore privilegedStore() {
        if (privileged == null) {
            privileged = SecretStores.open(privilegedConfig);
        }
        return privileged;
    }

    @Override
    public synchronized FixtureFeature<SecretStore> leastPrivilegedStore() {
        if (readOnlyConfig.isEmpty()) {
            return FixtureFeature.unsupported("no read-only config was given (set -D"
                    + ConfiguredStoreConformanceTest.READONLY_CONFIG_PROPERTY + "=FILE or "
                    + ConfiguredStoreConformanceTest.READONLY_CONFIG_ENV + ")");
        }
        if (readOnly == null) {
            readOnly = SecretStores.open(readOnlyConfig.get());
        }
        return FixtureFeature.of(readOnly);
    }

    @Override
    public synchronized FixtureFeature<SecretStore> badCredentialsStore() {
        if (badCredentialsConfig.isEmpty()) {
            return FixtureFeature.unsupported("no bad-credentials config was given (set -D"
                    + ConfiguredStoreConformanceTest.BAD_CREDENTIALS_CONFIG_PROPERTY + "=FILE or "
                    + ConfiguredStoreConformanceTest.BAD_CREDENTIALS_CONFIG_ENV + ")");
        }
        if (badCredentials == null) {
            // May fail authentication right here; the kit asks for this store inside its assertions.
            badCredentials = SecretStores.open(badCredentialsConfig.get());
        }
        return FixtureFeature.of(badCredentials);
    }

    @Override
    public synchronized FixtureFeature<ForeignSecretPlanter> foreignSecrets() {
        if (planter == null) {
            planter = SpiForeignSecretPlanter.open(privilegedStore().providerName(), privilegedConfig);
        }
        return FixtureFeature.of(planter);
    }

    @Override
    public FixtureFeature<RequestCounter> requestCounter() {
        return FixtureFeature.unsupported("a config-driven run talks to the real service, whose write attempts the kit"
                + " cannot observe; the provider's emulator-backed conformance test covers 'attempted once'");
    }

    @Override
    public FixtureFeature<FaultInjector> faults() {
        return FixtureFeature.unsupported("a config-driven run talks to the real service, which takes no injected"
                + " faults; the provider's emulator-backed conformance test covers retries and fault mapping");
    }

    /** The values of every field the provider marks as secret, in every config given. */
    @Override
    public Set<String> credentialValues() {
        List<ConfigField> fields = privilegedStore().provider().configFields();
        Set<String> credentials = new LinkedHashSet<>();
        for (Map<String, Object> config : allConfigs()) {
            fields.stream().filter(ConfigField::secret).map(field -> config.get(field.name()))
                    .forEach(value -> collectStrings(value, credentials));
        }
        return credentials;
    }

    @Override
    public synchronized void close() {
        closeQuietly(planter);
        closeQuietly(badCredentials);
        closeQuietly(readOnly);
        closeQuietly(privileged);
    }

    @Override
    public String toString() {
        return "ConfiguredFixture[" + files.privileged() + "]";
    }

    private List<Map<String, Object>> allConfigs() {
        List<Map<String, Object>> configs = new ArrayList<>();
        configs.add(privilegedConfig);
        readOnlyConfig.ifPresent(configs::add);
        badCredentialsConfig.ifPresent(configs::add);
        return configs;
    }

    private static void collectStrings(Object value, Set<String> into) {
        if (value instanceof String text) {
            into.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(nested -> collectStrings(nested, into));
        } else if (value instanceof Collection<?> list) {
            list.forEach(nested -> collectStrings(nested, into));
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("secretstore conformance: closing " + closeable.getClass().getSimpleName()
                    + " failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Map<String, Object> readConfig(Path file, String property) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(property + ": no such config file: " + file.toAbsolutePath());
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            // Only the location: Jackson's message may quote the offending token, which could be a credential.
            throw new IllegalArgumentException(property + ": " + file.toAbsolutePath() + " is not a JSON object"
                    + Optional.ofNullable(e.getLocation())
                            .map(at -> " (error at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                            .orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(property + ": cannot read " + file.toAbsolutePath(), e);
        }
    }
}
