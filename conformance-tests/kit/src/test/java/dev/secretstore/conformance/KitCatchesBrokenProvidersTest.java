package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs single kit tests over a given kit subclass with the JUnit Platform Launcher, as the mutation suite
 * ({@link KitKillsEveryMutantTest}) does for each mutant; here it checks the exclusion list.
 */
class KitCatchesBrokenProvidersTest {

    @Test
    void anExcludedTestIsSkippedWithTheFixturesReason() {
        assertThat(run(WithExclusion.class, "Versions", "readsAnOlderVersionById"))
                .singleElement().satisfies(result -> {
                    assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.ABORTED);
                    assertThat(result.getThrowable().orElseThrow())
                            .hasMessage("excluded by the fixture: the store keeps one version only (ticket 42)");
                });
    }

    @Test
    void theHealthyLocalStorePassesATestThatMutantsFail() {
        assertThat(run(LocalStoreConformanceTest.class, "Versions", "latestIsTheLastValueWrittenAfterManyPuts"))
                .singleElement().satisfies(result -> assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    }

    /**
     * Every invocation of one kit test (all of a parameterized one's) over {@code kit}, and the failure of
     * any container around it (the kit class fails when its run ends, for example, if the run's output
     * held a canary value).
     *
     * @param group the simple name of a nested group class of {@link SecretStoreConformanceKit}
     */
    static List<TestExecutionResult> run(Class<? extends SecretStoreConformanceKit> kit, String group, String method) {
        Class<?> nested = Arrays.stream(SecretStoreConformanceKit.class.getDeclaredClasses())
                .filter(c -> c.getSimpleName().equals(group)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kit group " + group));
        Method test = Arrays.stream(nested.getSuperclass().getDeclaredMethods())
                .filter(m -> m.getName().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kit test " + group + "." + method));
        List<TestExecutionResult> results = new ArrayList<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectNestedMethod(List.of(kit), nested, test)).build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                        if (identifier.isTest() || result.getStatus() == TestExecutionResult.Status.FAILED) {
                            results.add(result);
                        }
                    }
                });
        return results;
    }

    // Nested, so the build never runs it except through this test.
    static class WithExclusion extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.inTemporaryDirectory(local -> local,
                    Map.of("Versions.readsAnOlderVersionById", "the store keeps one version only (ticket 42)"));
        }
    }
}
