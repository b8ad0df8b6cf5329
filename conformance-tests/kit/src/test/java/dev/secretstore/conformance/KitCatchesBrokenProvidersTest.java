package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import dev.secretstore.conformance.BrokenLocalProvider.Flaw;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The kit is only worth something if it fails: each deliberate flaw must be caught by the test aimed at it. */
class KitCatchesBrokenProvidersTest {

    @Test
    void aProviderThatLogsValuesFailsTheCanaryTest() {
        assertThat(run(LogsValues.class, SecretStoreConformanceKit.Redaction.class, "canaryValueNeverLeaks"))
                .singleElement().satisfies(result -> {
                    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
                    assertThat(result.getThrowable().orElseThrow()).hasMessageContaining("captured System.out, System.err and log output");
                });
    }

    @Test
    void aProviderThatDropsTheManagedTagFailsTheOwnershipTest() {
        assertThat(run(DropsManagedTag.class, SecretStoreConformanceKit.Ownership.class, "createdSecretCarriesTheManagedTag"))
                .singleElement().satisfies(result -> assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED));
    }

    @Test
    void aProviderWhoseNamesCollideFailsTheNamesTest() {
        assertThat(run(FoldsSeparators.class, SecretStoreConformanceKit.Names.class, "namesDifferingOnlyInSeparatorsNeverCollide"))
                .singleElement().satisfies(result -> assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED));
    }

    @Test
    void aProviderThatManglesBinaryFailsTheBinaryRoundTrip() {
        assertThat(run(ManglesBinary.class, SecretStoreConformanceKit.RoundTrip.class, "binaryValueRoundTrips"))
                .singleElement().satisfies(result -> assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED));
    }

    @Test
    void aProviderThatRetriesADeniedWriteFailsTheAttemptedOnceTest() {
        assertThat(run(RetriesDeniedWrites.class, SecretStoreConformanceKit.LeastPrivilege.class, "deniedWriteIsAttemptedOnce",
                DeniedWrite.class.getName()))
                .anySatisfy(result -> {
                    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
                    assertThat(result.getThrowable().orElseThrow()).hasMessageContaining("write attempts for one denied create a new secret");
                });
    }

    @Test
    void anExcludedTestIsSkippedWithTheFixturesReason() {
        assertThat(run(WithExclusion.class, SecretStoreConformanceKit.Versions.class, "readsAnOlderVersionById"))
                .singleElement().satisfies(result -> {
                    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.ABORTED);
                    assertThat(result.getThrowable().orElseThrow())
                            .hasMessage("excluded by the fixture: the store keeps one version only (ticket 42)");
                });
    }

    private static List<TestExecutionResult> run(Class<?> kit, Class<?> group, String method) {
        return run(kit, group, method, "");
    }

    private static List<TestExecutionResult> run(Class<?> kit, Class<?> group, String method, String parameterTypes) {
        List<TestExecutionResult> results = new ArrayList<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectNestedMethod(List.of(kit), group, method, parameterTypes)).build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (test.isTest()) {
                            results.add(result);
                        }
                    }
                });
        return results;
    }

    // Kits over broken providers; nested, so the build never runs them except through this test.

    static class LogsValues extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.inTemporaryDirectory(local -> new BrokenLocalProvider(Flaw.LOGS_VALUES, local), Map.of());
        }
    }

    static class DropsManagedTag extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.inTemporaryDirectory(local -> new BrokenLocalProvider(Flaw.DROPS_MANAGED_TAG, local), Map.of());
        }
    }

    static class FoldsSeparators extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.inTemporaryDirectory(local -> new BrokenLocalProvider(Flaw.FOLDS_SEPARATORS, local), Map.of());
        }
    }

    static class ManglesBinary extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.inTemporaryDirectory(local -> new BrokenLocalProvider(Flaw.MANGLES_BINARY, local), Map.of());
        }
    }

    static class RetriesDeniedWrites extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.inTemporaryDirectory(local -> new BrokenLocalProvider(Flaw.RETRIES_DENIED_WRITES, local), Map.of());
        }
    }

    static class WithExclusion extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.inTemporaryDirectory(local -> local,
                    Map.of("Versions.readsAnOlderVersionById", "the store keeps one version only (ticket 42)"));
        }
    }
}
