package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed kit test shows the expectation and the actual value (AssertJ's whole message), not only its
 * first line, bounded, and with the configs' credentials masked, in text and in JSON.
 */
@DisplayName("secretstore conformance: what a failure says")
class ConformanceFailureDetailTest {

    private static final String TOKEN = "tok-canary-7c1e9d";
    /** As AssertJ prints a byte[] holding it (the kit compares raw bytes where the text/binary flag matters). */
    private static final String TOKEN_AS_BYTES = "116, 111, 107, 45, 99, 97, 110, 97, 114, 121";

    @TempDir
    Path dir;

    @Test
    @DisplayName("text: each failure shows the expected and the actual value, the credential masked, within bounds")
    void text() throws IOException {
        CliRun.Result result = CliRun.run("conformance", "--config", config().toString(),
                "--report-dir", dir.resolve("reports").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        String failed = result.out().substring(result.out().indexOf("\nFailed:"));
        // RoundTrip's ASCII text test: written "plain ASCII...", read back the store's token.
        assertThat(failed).contains("AssertionFailedError: ").contains("expected: ").contains("but was: \"***\"")
                .doesNotContain(TOKEN);
        assertThat(result.all()).doesNotContain(TOKEN).doesNotContain(TOKEN_AS_BYTES);
        for (String block : failed.split("\n  (?=\\S)")) {
            assertThat(block.length()).as(block).isLessThan(1_600);
        }
        assertReportsMasked();
    }

    @Test
    @DisplayName("the JUnit XML report keeps every failure's whole message and stack, the credential masked")
    void xmlReport() throws Exception {
        java.util.Set<String> before = privateReportDirs();
        CliRun.Result result = CliRun.run("conformance", "--config", config().toString(),
                "--report-dir", dir.resolve("reports").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        String report = assertReportsMasked();
        org.w3c.dom.Document document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(report)));
        org.w3c.dom.NodeList failures = document.getElementsByTagName("failure");
        assertThat(failures.getLength()).isPositive();
        boolean actualMasked = false;
        for (int i = 0; i < failures.getLength(); i++) {
            org.w3c.dom.Element failure = (org.w3c.dom.Element) failures.item(i);
            actualMasked |= failure.getAttribute("message").contains("but was: \"***\"")
                    && failure.getTextContent().contains("but was: \"***\"")
                    && failure.getTextContent().contains("\tat ");
        }
        assertThat(actualMasked).as(report).isTrue();
        java.util.Set<String> left = privateReportDirs();
        left.removeAll(before);
        assertThat(left).as("the run's private, unmasked report directory is removed").isEmpty();
    }

    private static java.util.Set<String> privateReportDirs() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("secretstore-conformance-"))
                    .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        }
    }

    /** Every file of the report directory, read whole: none holds the credential in any form. */
    private String assertReportsMasked() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir.resolve("reports"))) {
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
        }
        assertThat(all).as("the report directory").isNotEmpty()
                .doesNotContain(TOKEN).doesNotContain(TOKEN_AS_BYTES).contains("***");
        return all.toString();
    }

    @Test
    @DisplayName("--output json: each failure's reason holds the whole bounded message, the credential masked")
    void json() throws IOException {
        CliRun.Result result = CliRun.run("conformance", "--config", config().toString(),
                "--report-dir", dir.resolve("reports").toString(), "--output", "json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.all()).doesNotContain(TOKEN).doesNotContain(TOKEN_AS_BYTES);
        JsonNode failures = new ObjectMapper().readTree(result.out()).get("failures");
        assertThat(failures.size()).isPositive();
        boolean expectationShown = false;
        for (JsonNode failure : failures) {
            String reason = failure.get("reason").asText();
            assertThat(reason.length()).as(reason).isLessThan(1_400);
            expectationShown |= reason.contains("expected: ") && reason.contains("but was: \"***\"");
        }
        assertThat(expectationShown).as(failures.toPrettyString()).isTrue();
    }

    private Path config() throws IOException {
        return Files.writeString(dir.resolve("faulty.json"),
                "{\"provider\": \"faulty-test\", \"fault\": \"return-token\", \"token\": \"" + TOKEN + "\"}");
    }
}
