package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The whole kit against a store that declares no capability at all: every test that needs one must
 * assert the standard "not supported" error (and pass), never fail on the store's refusal or skip.
 */
class KitGatesUndeclaredCapabilitiesTest {

    /** Tests that exercise a capability, each of which must take its "not supported" branch here. */
    private static final Set<String> CAPABILITY_TESTS = Set.of(
            "binaryValueRoundTrips", "userTagsSurviveUpdates", "listByPrefixReturnsOnlyNamesUnderIt",
            "putAddsAVersionWithItsOwnId", "readsAnOlderVersionById", "unknownVersionIsNotFound",
            "deleteWithARecoveryWindow", "restoreBringsASoftDeletedSecretBack", "putRefusesAForeignSecret",
            "writeThroughReadOnlyStoreIsDenied");

    @Test
    @DisplayName("a store without any capability passes the whole kit through its 'not supported' assertions")
    void undeclaredCapabilitiesAreAssertedAsNotSupported() {
        Map<String, TestExecutionResult> results = new LinkedHashMap<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(DeclaresNothing.class)).build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (test.isTest()) {
                            String method = test.getSource().filter(MethodSource.class::isInstance)
                                    .map(s -> ((MethodSource) s).getMethodName()).orElse("?");
                            results.put(method + " " + test.getDisplayName(), result);
                        }
                    }
                });

        assertThat(results).as("tests run").hasSizeGreaterThan(50);
        List<String> failed = results.entrySet().stream()
                .filter(e -> e.getValue().getStatus() == TestExecutionResult.Status.FAILED)
                .map(e -> e.getKey() + ": " + e.getValue().getThrowable().map(Throwable::toString).orElse(""))
                .collect(Collectors.toList());
        assertThat(failed).as("kit tests failing on a store that declares no capability").isEmpty();
        for (String capabilityTest : CAPABILITY_TESTS) {
            assertThat(results).as(capabilityTest).anySatisfy((test, result) -> {
                assertThat(test).startsWith(capabilityTest + " ");
                assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
            });
        }
    }

    // Nested, so the build runs it only through this test.
    static class DeclaresNothing extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.declaring(Set.of());
        }
    }
}
