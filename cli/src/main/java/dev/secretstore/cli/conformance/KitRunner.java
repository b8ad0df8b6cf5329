package dev.secretstore.cli.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs the kit's {@code ConfiguredStoreConformanceTest} in this JVM through the JUnit Platform Launcher,
 * configured by system properties, and writes a JUnit XML report a CI server can show.
 */
public final class KitRunner {

    /** The kit's entry point for "a store described by a config file". */
    public static final String TEST_CLASS = "dev.secretstore.conformance.ConfiguredStoreConformanceTest";
    public static final String CONFIG_PROPERTY = "secretstore.conformance.config";
    public static final String READONLY_CONFIG_PROPERTY = "secretstore.conformance.readonly-config";
    public static final String BAD_CREDENTIALS_CONFIG_PROPERTY = "secretstore.conformance.bad-credentials-config";

    private KitRunner() {
    }

    /**
     * @param properties the kit's system properties (config paths); set for the run, restored afterwards
     * @param reportDir  where the JUnit XML report goes, credentials masked (it is written to a private
     *                   directory first, so no unmasked copy ever lands where a CI server collects reports)
     * @param progress   one line per finished test
     * @param xmlErrors  where the XML writer reports its own problems
     * @param credentials the configs' credentials, masked in the summary's failure messages and in the report
     * @return the per-group summary
     */
    public static ConformanceSummary run(Map<String, String> properties, Path reportDir,
                                         Consumer<String> progress, PrintWriter xmlErrors, Set<String> credentials)
            throws IOException {
        Path unmasked = Files.createTempDirectory("secretstore-conformance-");
        try {
            ConformanceSummary summary = runKit(properties, unmasked, progress, xmlErrors, credentials);
            MaskedXmlReports.copy(unmasked, reportDir, new CredentialMask(credentials));
            return summary;
        } finally {
            deleteTree(unmasked);
        }
    }

    private static ConformanceSummary runKit(Map<String, String> properties, Path reportDir,
                                             Consumer<String> progress, PrintWriter xmlErrors, Set<String> credentials) {
        Map<String, String> previous = new HashMap<>();
        properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        // Whatever the kit or the provider prints goes to stderr: stdout carries only the summary (or JSON).
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(TEST_CLASS))
                    .build();
            Launcher launcher = LauncherFactory.create();
            GroupSummaryListener summary = new GroupSummaryListener(progress, credentials);
            launcher.execute(request, summary, new LegacyXmlReportGeneratingListener(reportDir, xmlErrors));
            return summary.summary();
        } finally {
            System.setOut(stdout);
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
