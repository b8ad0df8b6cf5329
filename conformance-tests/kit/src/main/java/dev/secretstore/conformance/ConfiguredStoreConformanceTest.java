package dev.secretstore.conformance;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The kit against stores described by JSON config files, for real cloud accounts and for
 * {@code secretstore conformance --config FILE}. Each file is the map {@link dev.secretstore.SecretStores#open}
 * takes. Each is named by a system property or, failing that, an environment variable:
 * <ul>
 *   <li>{@value #CONFIG_PROPERTY} / {@value #CONFIG_ENV}: the privileged store (required; without it
 *       the whole class is skipped with that reason);</li>
 *   <li>{@value #READONLY_CONFIG_PROPERTY} / {@value #READONLY_CONFIG_ENV}: the same store with read-only
 *       permissions (optional);</li>
 *   <li>{@value #BAD_CREDENTIALS_CONFIG_PROPERTY} / {@value #BAD_CREDENTIALS_CONFIG_ENV}: the same store
 *       with wrong credentials (optional).</li>
 * </ul>
 */
@DisplayName("secretstore conformance kit on the configured store")
public class ConfiguredStoreConformanceTest extends SecretStoreConformanceKit {

    public static final String CONFIG_PROPERTY = "secretstore.conformance.config";
    public static final String READONLY_CONFIG_PROPERTY = "secretstore.conformance.readonly-config";
    public static final String BAD_CREDENTIALS_CONFIG_PROPERTY = "secretstore.conformance.bad-credentials-config";
    public static final String CONFIG_ENV = "SECRETSTORE_CONFORMANCE_CONFIG";
    public static final String READONLY_CONFIG_ENV = "SECRETSTORE_CONFORMANCE_READONLY_CONFIG";
    public static final String BAD_CREDENTIALS_CONFIG_ENV = "SECRETSTORE_CONFORMANCE_BAD_CREDENTIALS_CONFIG";

    @BeforeAll
    static void requireAStoreConfig() {
        Assumptions.assumeTrue(ConformanceConfigFiles.locate().isPresent(),
                () -> "no store config given: set -D" + CONFIG_PROPERTY + "=FILE or " + CONFIG_ENV
                        + "=FILE to run the conformance kit against a configured store");
    }

    @Override
    protected ConformanceFixture fixture() {
        return ConfiguredFixture.load(ConformanceConfigFiles.locate().orElseThrow());
    }
}
