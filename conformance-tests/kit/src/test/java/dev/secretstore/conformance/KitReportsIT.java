package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the Surefire XML reports this module's build has just written for its two kit subclasses (Failsafe runs
 * this after Surefire) and checks what a CI pipeline reads there: each subclass has its own report, holding every
 * kit check once with its outcome, and every test a missing fixture feature or an exclusion stopped is a skip whose
 * text carries the fixture's reason. Surefire up to 3.5.2 wrote the kit's groups into shared
 * {@code SecretStoreConformanceKit$Group} files instead, where one kit subclass's results overwrote another's.
 */
class KitReportsIT {

    private static final Path REPORTS = Path.of(System.getProperty("kit.surefireReports", "target/surefire-reports"));
    private static final String ABORTED = "org.opentest4j.TestAbortedException: ";

    @Test
    @DisplayName("the full kit run: one report, every kit check once, nothing skipped")
    void fullRunReport() throws Exception {
        Report report = Report.of(LocalStoreConformanceTest.class);

        assertEveryCheckOnce(report);
        assertThat(report.skipped()).as("skipped testcases (the local fixture offers every feature)").isEmpty();
    }

    @Test
    @DisplayName("the run without fixture features: every check once, each skip with the fixture's reason")
    void runWithoutFeaturesReport() throws Exception {
        Report report = Report.of(LocalStoreWithoutFeaturesConformanceTest.class);

        assertEveryCheckOnce(report);
        List<String> reasons = List.of(LocalStoreWithoutFeaturesConformanceTest.NO_READ_ONLY,
                LocalStoreWithoutFeaturesConformanceTest.NO_BAD_CREDENTIALS,
                LocalStoreWithoutFeaturesConformanceTest.NO_PLANTER, LocalStoreWithoutFeaturesConformanceTest.NO_COUNTER,
                LocalStoreWithoutFeaturesConformanceTest.NO_FAULTS, LocalStoreWithoutFeaturesConformanceTest.EXCLUDED);
        for (Element skipped : report.skipped()) {
            String reason = skipReason(skipped);
            assertThat(reason).as("the skip of %s", id(skipped)).startsWith(ABORTED);
            // A declared reason, or the kit's own for a test needing either of two absent features.
            assertThat(reasons.stream().anyMatch(reason::endsWith) || reason.endsWith("the fixture offers neither"))
                    .as("the reason of %s is the fixture's: %s", id(skipped), reason).isTrue();
        }
        for (String reason : reasons) {
            assertThat(report.skipped()).as("skips for '%s'", reason)
                    .anyMatch(testcase -> skipReason(testcase).endsWith(reason));
        }
        String excluded = LocalStoreWithoutFeaturesConformanceTest.EXCLUDED_TEST;
        assertThat(report.skipped()).as("the excluded %s", excluded).anyMatch(testcase -> id(testcase).equals(excluded)
                && skipReason(testcase).equals(
                        ABORTED + "excluded by the fixture: " + LocalStoreWithoutFeaturesConformanceTest.EXCLUDED));
    }

    @Test
    @DisplayName("the CLI's report (JUnit's XML writer) holds the same tests, outcomes and skip reasons as Surefire's")
    void cliReportAgreesWithSurefire() throws Exception {
        Report surefire = Report.of(LocalStoreWithoutFeaturesConformanceTest.class);
        Path dir = REPORTS.resolveSibling("kit-reports-it");
        StringWriter writerErrors = new StringWriter();
        // What `secretstore conformance --report-dir` does (cli KitRunner), for the same kit subclass.
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request().selectors(selectClass(LocalStoreWithoutFeaturesConformanceTest.class))
                        .build(),
                new LegacyXmlReportGeneratingListener(dir, new PrintWriter(writerErrors)));
        assertThat(writerErrors.toString()).as("the XML writer's own errors").isEmpty();
        Report cli = Report.of(dir.resolve("TEST-junit-jupiter.xml"));

        assertThat(outcomes(cli)).isEqualTo(outcomes(surefire));
        assertThat(cli.attribute("tests")).isEqualTo(surefire.attribute("tests"));
        assertThat(cli.attribute("skipped")).isEqualTo(surefire.attribute("skipped"));
    }

    /** Test (JUnit's writer adds "()" to a method without parameters) to "passed" or the skip's reason. */
    private static Map<String, String> outcomes(Report report) {
        return report.testcases().stream().collect(Collectors.toMap(
                testcase -> idWithInvocation(testcase).replaceFirst("\\(\\)$", ""),
                testcase -> testcase.getElementsByTagName("skipped").getLength() > 0 ? skipReason(testcase) : "passed",
                (a, b) -> a + " AND " + b, TreeMap::new));
    }

    private static void assertEveryCheckOnce(Report report) {
        List<String> testcases = report.testcases().stream().map(KitReportsIT::idWithInvocation).toList();
        assertThat(testcases).as("testcases of %s", report.file()).doesNotHaveDuplicates();
        assertThat(report.attribute("tests")).as("tests=").isEqualTo(testcases.size());
        assertThat(report.attribute("skipped")).as("skipped=").isEqualTo(report.skipped().size());
        assertThat(report.attribute("failures") + report.attribute("errors")).as("failures= + errors=").isZero();
        Set<String> checks = report.testcases().stream().map(KitReportsIT::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(checks).as("kit checks in %s", report.file()).isEqualTo(kitChecks());
    }

    /** Every test method of every group, as {@code Group.method}: what the kit's README promises to report. */
    private static Set<String> kitChecks() {
        Set<String> checks = new TreeSet<>();
        for (Class<?> group : SecretStoreConformanceKit.class.getDeclaredClasses()) {
            for (Class<?> c = group; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class)) {
                        checks.add(group.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        return checks;
    }

    /** {@code Group.method}, without a parameterized test's arguments and invocation index. */
    private static String id(Element testcase) {
        String method = testcase.getAttribute("name").replaceFirst("[(\\[].*$", "");
        return group(testcase) + "." + method;
    }

    private static String idWithInvocation(Element testcase) {
        return group(testcase) + "." + testcase.getAttribute("name");
    }

    private static String group(Element testcase) {
        String classname = testcase.getAttribute("classname");
        return classname.substring(classname.lastIndexOf('$') + 1);
    }

    /** The first line of the skip's text: Surefire writes an aborted test's exception there, with no message attribute. */
    private static String skipReason(Element testcase) {
        String trimmed = testcase.getElementsByTagName("skipped").item(0).getTextContent().strip();
        int end = trimmed.indexOf('\n');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }

    private record Report(Path file, Element suite, List<Element> testcases) {

        static Report of(Class<?> kitSubclass) throws Exception {
            Path file = REPORTS.resolve("TEST-" + kitSubclass.getName() + ".xml");
            Assumptions.assumeTrue(Files.isRegularFile(file),
                    () -> "Surefire did not run " + kitSubclass.getSimpleName() + " in this build (no " + file + ")");
            return of(file);
        }

        static Report of(Path file) throws Exception {
            assertThat(file).isRegularFile();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element suite = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
            NodeList nodes = suite.getElementsByTagName("testcase");
            List<Element> testcases = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                testcases.add((Element) nodes.item(i));
            }
            return new Report(file, suite, testcases);
        }

        int attribute(String name) {
            String value = suite.getAttribute(name);
            return value.isEmpty() ? 0 : Integer.parseInt(value);
        }

        /** The testcases reported as skipped. */
        List<Element> skipped() {
            return testcases.stream().filter(t -> t.getElementsByTagName("skipped").getLength() > 0).toList();
        }
    }
}
