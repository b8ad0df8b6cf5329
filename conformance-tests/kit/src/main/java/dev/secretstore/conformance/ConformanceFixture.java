package dev.secretstore.conformance;

import dev.secretstore.SecretStore;
import java.util.Map;
import java.util.Set;

/**
 * Everything the conformance kit needs from a provider's test: the stores to exercise and the tools to
 * observe them. A fixture that cannot offer a feature returns {@link FixtureFeature#unsupported(String)}
 * with the reason, and the kit reports the tests that need it as skipped with that reason.
 *
 * <p>The kit calls {@link SecretStoreConformanceKit#fixture()} once per run, may call each method below
 * many times, and calls {@link #close()} when the run ends. Open stores lazily and hand out the same
 * instance each time; the fixture owns every store it returns.
 */
public interface ConformanceFixture extends AutoCloseable {

    /** A store with every permission the provider's documentation asks for. */
    SecretStore privilegedStore();

    /**
     * The same backing store, opened with read-only (least) privileges: reads succeed, every write must
     * fail with {@link dev.secretstore.AccessDeniedException}.
     */
    FixtureFeature<SecretStore> leastPrivilegedStore();

    /**
     * The same backing store opened with wrong credentials. Opening may itself fail with
     * {@link dev.secretstore.AuthenticationFailedException}; the kit calls this inside its assertions.
     */
    FixtureFeature<SecretStore> badCredentialsStore();

    /** A way to create secrets that are not ours, bypassing the engine. */
    FixtureFeature<ForeignSecretPlanter> foreignSecrets();

    /** Counts write attempts against the backing service. */
    FixtureFeature<RequestCounter> requestCounter();

    /**
     * Injects faults (throttling, unavailability, connection resets, latency) into the service behind
     * {@link #privilegedStore()}; see {@link FaultInjector} for the contract. Without it the kit's fault
     * tests are reported as skipped with this reason.
     */
    default FixtureFeature<FaultInjector> faults() {
        return FixtureFeature.unsupported("this fixture injects no faults");
    }

    /**
     * Every credential string the fixture's stores were opened with (keys, passwords, tokens, both the
     * good and the bad ones). None may ever appear in an error message, a {@code toString} or a log line.
     */
    Set<String> credentialValues();

    /**
     * The start of every secret name the kit creates; the kit adds a random run id, so concurrent runs
     * against one real account never touch each other's secrets. Must start with a letter or digit.
     */
    default String namePrefix() {
        return "sstck";
    }

    /**
     * Tests this provider is excused from, each with the reason (in the spirit of the JSR 107 TCK's
     * exclude list). Keys are {@code "<group class>.<method>"} as in the kit's report, for example
     * {@code "Versions.readsAnOlderVersionById"}. Excluded tests are reported as skipped with the reason.
     */
    default Map<String, String> excludedTests() {
        return Map.of();
    }

    /** Closes the stores and anything else the fixture opened. */
    @Override
    default void close() {
    }
}
