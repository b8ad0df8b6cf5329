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
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The local provider in a fresh temporary directory: the privileged store, the same directory opened
 * {@code "readOnly": true}, the same directory opened with another key, foreign secrets planted
 * through the provider's SPI, a count of the write calls that reach that SPI, and a fault table in
 * front of it.
 *
 * <p>The provider the stores are opened with is a stack, as a cloud provider's is:
 * {@code RetryingProvider} (the provider's retry policy, {@value #MAX_ATTEMPTS} attempts) over
 * {@code CountingProvider} (the request counter) over {@code ServiceFaults} (the "service" with its fault
 * table) over the local provider. The kit's own tests may put a broken provider on top, or replace the
 * retrying layer with a broken one.
 */
final class LocalFixture implements ConformanceFixture {

    /** The retry policy of the fixture's provider stack. */
    static final int MAX_ATTEMPTS = 3;

    private final Path root;
    private final ServiceFaults faults;
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

    private LocalFixture(Path root, ServiceFaults faults, CountingProvider counter,
                         Function<SecretStoreProvider, SecretStoreProvider> stack, Map<String, String> excludedTests)
            throws IOException {
        this.root = root;
        this.faults = faults;
        this.counter = counter;
        this.provider = stack.apply(counter);
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
     * {@code around} receives the whole stack (retry policy, counter, fault table, local store).
     */
    static LocalFixture inTemporaryDirectory(UnaryOperator<SecretStoreProvider> around, Map<String, String> excludedTests) {
        return withStack(counted -> around.apply(new RetryingProvider(counted, MAX_ATTEMPTS)), excludedTests);
    }

    /**
     * With {@code stack} in place of the retry policy: it receives the counted, faultable local provider
     * and returns what the stores are opened with (the mutation suite's broken retry policies go here).
     */
    static LocalFixture withStack(Function<SecretStoreProvider, SecretStoreProvider> stack, Map<String, String> excludedTests) {
        ServiceFaults faults = new ServiceFaults(MAX_ATTEMPTS);
        return create(faults, new CountingProvider(faults.in(new LocalSecretStoreProvider())), stack, excludedTests);
    }

    /** The local provider declaring only {@code capabilities}, so the kit must assert "not supported" for the rest. */
    static LocalFixture declaring(Set<Capability> capabilities) {
        ServiceFaults faults = new ServiceFaults(MAX_ATTEMPTS);
        return create(faults, new CountingProvider(faults.in(new LocalSecretStoreProvider()), capabilities),
                counted -> new RetryingProvider(counted, MAX_ATTEMPTS), Map.of());
    }

    private static LocalFixture create(ServiceFaults faults, CountingProvider counter,
                                       Function<SecretStoreProvider, SecretStoreProvider> stack,
                                       Map<String, String> excludedTests) {
        try {
            return new LocalFixture(Files.createTempDirectory("secretstore-conformance-"), faults, counter, stack,
                    excludedTests);
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
    public FixtureFeature<FaultInjector> faults() {
        return FixtureFeature.of(faults);
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
