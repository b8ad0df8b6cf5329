package dev.secretstore.conformance;

import dev.secretstore.Capability;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.local.LocalSecretStoreProvider;
import dev.secretstore.spi.SecretStoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The local provider in a fresh temporary directory: the privileged store, the same directory opened
 * {@code "readOnly": true}, the same directory opened with another key, foreign secrets planted
 * through the provider's SPI, and a count of the write calls that reach that SPI.
 */
final class LocalFixture implements ConformanceFixture {

    private final Path root;
    private final SecretStoreProvider provider;
    private final CountingProvider counter;
    private final Map<String, String> excludedTests;
    private final String key;
    private final String wrongKey;
    private final Map<String, Object> privilegedConfig;
    private final Map<String, Object> readOnlyConfig;
    private final Map<String, Object> badCredentialsConfig;
    private final SecretStore privileged;
    private SecretStore readOnly;
    private SpiForeignSecretPlanter planter;

    private LocalFixture(Path root, CountingProvider counter, UnaryOperator<SecretStoreProvider> around,
                         Map<String, String> excludedTests) throws IOException {
        this.root = root;
        this.counter = counter;
        this.provider = around.apply(counter);
        this.excludedTests = Map.copyOf(excludedTests);
        this.key = randomKey();
        this.wrongKey = randomKey();
        Path store = root.resolve("store");
        Path keyFile = writePrivate(root.resolve("master.key"), key + "\n");
        Path wrongKeyFile = writePrivate(root.resolve("wrong.key"), wrongKey + "\n");
        this.privilegedConfig = config(store, keyFile);
        this.readOnlyConfig = new LinkedHashMap<>(privilegedConfig);
        readOnlyConfig.put("readOnly", true);
        this.badCredentialsConfig = config(store, wrongKeyFile);
        // Opened first, so the store exists (with its key check) before anything else opens it.
        this.privileged = open(privilegedConfig);
    }

    /** Key files are mode 0600: the local store refuses a key file other users can read. */
    private static Path writePrivate(Path file, String content) throws IOException {
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, content);
    }

    static LocalFixture inTemporaryDirectory() {
        return inTemporaryDirectory(local -> local, Map.of());
    }

    /**
     * With another provider in front of the local one (the kit's own tests use deliberately broken ones).
     * {@code around} receives the local provider behind its write counter.
     */
    static LocalFixture inTemporaryDirectory(UnaryOperator<SecretStoreProvider> around, Map<String, String> excludedTests) {
        return create(new CountingProvider(new LocalSecretStoreProvider()), around, excludedTests);
    }

    /** The local provider declaring only {@code capabilities}, so the kit must assert "not supported" for the rest. */
    static LocalFixture declaring(Set<Capability> capabilities) {
        return create(new CountingProvider(new LocalSecretStoreProvider(), capabilities), local -> local, Map.of());
    }

    private static LocalFixture create(CountingProvider counter, UnaryOperator<SecretStoreProvider> around,
                                       Map<String, String> excludedTests) {
        try {
            return new LocalFixture(Files.createTempDirectory("secretstore-conformance-"), counter, around, excludedTests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configs as JSON, for the config-driven run. */
    Map<String, Map<String, Object>> configs() {
        return Map.of("privileged", privilegedConfig, "readOnly", readOnlyConfig, "badCredentials", badCredentialsConfig);
    }

    Path root() {
        return root;
    }

    @Override
    public SecretStore privilegedStore() {
        return privileged;
    }

    @Override
    public synchronized FixtureFeature<SecretStore> leastPrivilegedStore() {
        if (readOnly == null) {
            readOnly = open(readOnlyConfig);
        }
        return FixtureFeature.of(readOnly);
    }

    @Override
    public FixtureFeature<SecretStore> badCredentialsStore() {
        // The local provider checks the key when the store is opened, so this is where it fails.
        return FixtureFeature.of(open(badCredentialsConfig));
    }

    @Override
    public synchronized FixtureFeature<ForeignSecretPlanter> foreignSecrets() {
        if (planter == null) {
            planter = SpiForeignSecretPlanter.open("local", privilegedConfig);
        }
        return FixtureFeature.of(planter);
    }

    @Override
    public FixtureFeature<RequestCounter> requestCounter() {
        // Write calls reaching the local provider's SPI, from every store this fixture opened.
        return FixtureFeature.of(counter);
    }

    @Override
    public Set<String> credentialValues() {
        return Set.of(key, wrongKey);
    }

    @Override
    public Map<String, String> excludedTests() {
        return excludedTests;
    }

    @Override
    public synchronized void close() {
        if (planter != null) {
            planter.close();
        }
        if (readOnly != null) {
            readOnly.close();
        }
        privileged.close();
        deleteRecursively(root);
    }

    private SecretStore open(Map<String, Object> config) {
        return SecretStores.open(provider, config);
    }

    private static Map<String, Object> config(Path store, Path keyFile) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("provider", "local");
        config.put("path", store.toString());
        config.put("keyFile", keyFile.toString());
        return config;
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
