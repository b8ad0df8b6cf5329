package dev.secretstore.conformance;

import dev.secretstore.SecretStore;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;

/**
 * The kit on the local store through a fixture that offers no optional feature and excludes one test: every
 * test needing a feature must be reported as skipped with the reason below, never as passed. A second kit
 * subclass in this module also gives {@code KitReportsIT} the case the provider modules have (several kit runs
 * in one Surefire run), whose reports used to overwrite one another.
 */
@DisplayName("secretstore conformance kit on the local provider, without optional fixture features")
class LocalStoreWithoutFeaturesConformanceTest extends SecretStoreConformanceKit {

    static final String NO_READ_ONLY = "kit self-test: this fixture offers no read-only store";
    static final String NO_BAD_CREDENTIALS = "kit self-test: this fixture offers no bad-credentials store";
    static final String NO_PLANTER = "kit self-test: this fixture plants no foreign secrets";
    static final String NO_COUNTER = "kit self-test: this fixture counts no requests";
    static final String NO_FAULTS = "kit self-test: this fixture injects no faults";
    static final String EXCLUDED = "kit self-test: an excluded test is reported as skipped with the fixture's reason";
    static final String EXCLUDED_TEST = "Versions.readsAnOlderVersionById";

    @Override
    protected ConformanceFixture fixture() {
        LocalFixture local = LocalFixture.inTemporaryDirectory();
        return new ConformanceFixture() {
            public SecretStore privilegedStore() {
                return local.privilegedStore();
            }

            public FixtureFeature<SecretStore> leastPrivilegedStore() {
                return FixtureFeature.unsupported(NO_READ_ONLY);
            }

            public FixtureFeature<SecretStore> badCredentialsStore() {
                return FixtureFeature.unsupported(NO_BAD_CREDENTIALS);
            }

            public FixtureFeature<ForeignSecretPlanter> foreignSecrets() {
                return FixtureFeature.unsupported(NO_PLANTER);
            }

            public FixtureFeature<RequestCounter> requestCounter() {
                return FixtureFeature.unsupported(NO_COUNTER);
            }

            public FixtureFeature<FaultInjector> faults() {
                return FixtureFeature.unsupported(NO_FAULTS);
            }

            public Set<String> credentialValues() {
                return local.credentialValues();
            }

            public Map<String, String> excludedTests() {
                return Map.of(EXCLUDED_TEST, EXCLUDED);
            }

            public void close() {
                local.close();
            }
        };
    }
}
