package dev.secretstore.conformance;

import dev.secretstore.SecretStore;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The kit on the local store through a fixture that offers no optional feature: every test needing a feature
 * must be reported as skipped with the reason below, never as passed. The groups that need no optional feature
 * are excluded (reported as skipped with {@link #EXCLUDED}): {@link LocalStoreConformanceTest} runs them, and
 * this run stays about a second long. A second kit subclass in this module also gives {@code KitReportsIT} the
 * case the provider modules have (several kit runs in one Surefire run), whose reports used to overwrite one
 * another.
 */
@DisplayName("secretstore conformance kit on the local provider, without optional fixture features")
class LocalStoreWithoutFeaturesConformanceTest extends SecretStoreConformanceKit {

    static final String NO_READ_ONLY = "kit self-test: this fixture offers no read-only store";
    static final String NO_BAD_CREDENTIALS = "kit self-test: this fixture offers no bad-credentials store";
    static final String NO_PLANTER = "kit self-test: this fixture plants no foreign secrets";
    static final String NO_COUNTER = "kit self-test: this fixture counts no requests";
    static final String NO_FAULTS = "kit self-test: this fixture injects no faults";
    static final String EXCLUDED = "kit self-test: needs no optional feature; LocalStoreConformanceTest runs it";
    static final String EXCLUDED_TEST = "Versions.readsAnOlderVersionById";
    /** The groups whose tests need no optional fixture feature. */
    private static final Set<String> FEATURELESS_GROUPS = Set.of("RoundTrip", "Names", "Tags", "Listing", "Versions",
            "Existence", "BatchReads", "Capabilities", "Redaction");

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
                return exclusions();
            }

            public void close() {
                local.close();
            }
        };
    }

    private static Map<String, String> exclusions() {
        Map<String, String> excluded = new TreeMap<>();
        for (Class<?> group : SecretStoreConformanceKit.class.getDeclaredClasses()) {
            if (FEATURELESS_GROUPS.contains(group.getSimpleName())) {
                for (Class<?> c = group; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Method m : c.getDeclaredMethods()) {
                        if (m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class)) {
                            excluded.put(group.getSimpleName() + "." + m.getName(), EXCLUDED);
                        }
                    }
                }
            }
        }
        excluded.put(EXCLUDED_TEST, EXCLUDED);
        return excluded;
    }
}
