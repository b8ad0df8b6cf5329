package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Runs {@link ConfiguredStoreConformanceTest} the way {@code secretstore conformance --config FILE} does:
 * with the JUnit Platform Launcher and the config files named by system properties.
 */
class ConfiguredStoreConformanceRunTest {

    private static final List<String> PROPERTIES = List.of(ConfiguredStoreConformanceTest.CONFIG_PROPERTY,
            ConfiguredStoreConformanceTest.READONLY_CONFIG_PROPERTY,
            ConfiguredStoreConformanceTest.BAD_CREDENTIALS_CONFIG_PROPERTY);

    @AfterEach
    void clearProperties() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void withoutAConfigTheWholeClassIsSkippedWithTheReason() {
        if (System.getenv(ConfiguredStoreConformanceTest.CONFIG_ENV) != null) {
            org.junit.jupiter.api.Assumptions.abort(ConfiguredStoreConformanceTest.CONFIG_ENV + " is set in this environment");
        }
        Run run = launch(ConfiguredStoreConformanceTest.class);

        assertThat(run.summary.getTestsStartedCount()).isZero();
        assertThat(run.aborted).singleElement().satisfies(reason ->
                assertThat(reason).contains(ConfiguredStoreConformanceTest.CONFIG_PROPERTY,
                        ConfiguredStoreConformanceTest.CONFIG_ENV));
    }

    @Test
    void withLocalConfigFilesTheKitPassesAndSkipsOnlyWithReasons() throws IOException {
        try (LocalFixture local = LocalFixture.inTemporaryDirectory()) {
            Path configs = Files.createDirectories(local.root().resolve("configs"));
            ObjectMapper json = new ObjectMapper();
            Map<String, Map<String, Object>> byRole = local.configs();
            System.setProperty(ConfiguredStoreConformanceTest.CONFIG_PROPERTY,
                    write(json, configs.resolve("store.json"), byRole.get("privileged")).toString());
            System.setProperty(ConfiguredStoreConformanceTest.READONLY_CONFIG_PROPERTY,
                    write(json, configs.resolve("readonly.json"), byRole.get("readOnly")).toString());
            System.setProperty(ConfiguredStoreConformanceTest.BAD_CREDENTIALS_CONFIG_PROPERTY,
                    write(json, configs.resolve("bad.json"), byRole.get("badCredentials")).toString());

            Run configured = launch(ConfiguredStoreConformanceTest.class);
            Run direct = launch(LocalStoreConformanceTest.class);

            // The config-driven path changes nothing: every test ends as it does with the direct fixture,
            // except that the local config's secret fields are none (its key is in a file), so the
            // credential checks are skipped with that reason, and that a config-driven run cannot count
            // write attempts (the direct fixture counts the calls reaching the local provider's SPI).
            assertThat(configured.summary.getTestsSucceededCount()).isGreaterThan(50);
            assertThat(configured.outcomes.keySet()).isEqualTo(direct.outcomes.keySet());
            Map<String, String> differences = new TreeMap<>();
            configured.outcomes.forEach((test, outcome) -> {
                if (!status(outcome).equals(status(direct.outcomes.get(test)))) {
                    differences.put(test, outcome + " (direct: " + direct.outcomes.get(test) + ")");
                }
            });
            assertThat(differences.values()).allSatisfy(difference ->
                    assertThat(difference).startsWith("ABORTED").containsAnyOf("declares no credential values",
                            "needs a request counter", "needs a way to inject faults"));
            assertThat(configured.aborted).isNotEmpty().allSatisfy(reason -> assertThat(reason).isNotBlank());
        }
    }

    /** SUCCESSFUL, FAILED or ABORTED, without the skip reason (the fixtures word theirs differently). */
    private static String status(String outcome) {
        return outcome.split(":", 2)[0];
    }

    private static Path write(ObjectMapper json, Path file, Map<String, Object> config) throws IOException {
        json.writeValue(file.toFile(), config);
        return file;
    }

    private static Run launch(Class<?> kit) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        List<String> aborted = new ArrayList<>();
        Map<String, String> outcomes = new TreeMap<>();
        TestExecutionListener outcomesAndSkips = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                    aborted.add(result.getThrowable().map(Throwable::getMessage).orElse(""));
                }
                if (test.isTest()) {
                    // The unique id without its first class segment, so both kits' tests line up.
                    outcomes.put(test.getUniqueId().replace(kit.getName(), "KIT"), result.getStatus()
                            + result.getThrowable().filter(t -> result.getStatus() == TestExecutionResult.Status.ABORTED)
                                    .map(t -> ": " + t.getMessage()).orElse(""));
                }
            }
        };
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kit)).build(),
                summary, outcomesAndSkips);
        return new Run(summary.getSummary(), aborted, outcomes);
    }

    private record Run(TestExecutionSummary summary, List<String> aborted, Map<String, String> outcomes) {
    }
}
