package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("secretstore conformance")
class ConformanceCommandTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("runs the kit against a configured store: a table per group and a JUnit XML report, exit 0")
    void configuredLocalStorePasses() throws IOException {
        String config = LocalStoreConfig.writable(dir);
        String readOnly = LocalStoreConfig.readOnly(dir);
        String wrongKey = LocalStoreConfig.wrongKey(dir);
        Path reports = dir.resolve("reports");

        RecordingTerminal terminal = new RecordingTerminal();

        CliRun.Result result = CliRun.withStdin(new byte[0], terminal, "conformance", "--config", config,
                "--readonly-config", readOnly, "--bad-credentials-config", wrongKey, "--report-dir", reports.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("GROUP\\s+PASSED\\s+FAILED\\s+SKIPPED")
                .containsPattern("Round-trip[^\\n]*\\s+[1-9]\\d*\\s+0\\s+\\d+")
                .containsPattern("Least privilege[^\\n]*\\s+[1-9]\\d*\\s+0\\s+\\d+")
                .containsPattern("TOTAL\\s+[1-9]\\d*\\s+0\\s+\\d+")
                .contains("✓ conformance passed");
        assertThat(terminal.lines).as("progress on the terminal").isNotEmpty()
                .anyMatch(line -> line.startsWith("[1] "));
        assertThat(result.out()).doesNotContain("[1] ");
        try (Stream<Path> files = Files.list(reports)) {
            Path xml = files.filter(p -> p.getFileName().toString().endsWith(".xml")).findFirst().orElseThrow();
            assertThat(Files.readString(xml)).contains("<testsuite").contains("<testcase");
        }
    }

    @Test
    @DisplayName("without --config: a throwaway local store, all features offered; --output json summary; "
            + "nothing of the kit's own capture check on the process's stdout, stderr or log handlers")
    void throwawayStoreAsJson() throws IOException {
        Path reports = dir.resolve("reports");
        ProcessOutput processOutput = new ProcessOutput();

        CliRun.Result result;
        try (processOutput) {
            result = CliRun.run("conformance", "--report-dir", reports.toString(), "-o", "json");
        }

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(processOutput.text()).doesNotContain("capture-check-");
        JsonNode summary = new ObjectMapper().readTree(result.out());
        assertThat(summary.get("passed").asBoolean()).isTrue();
        assertThat(summary.get("totals").get("failed").asInt()).isZero();
        assertThat(summary.get("totals").get("passed").asInt()).isPositive();
        assertThat(summary.get("groups").size()).isGreaterThanOrEqualTo(6);
        assertThat(summary.get("target").asText()).startsWith("a throwaway local store");
        for (JsonNode skip : summary.get("skips")) {
            assertThat(skip.get("reason").asText()).isNotBlank();
        }
    }

    @Test
    @DisplayName("runs the kit against a vendor's provider loaded with --providers-dir")
    void vendorProviderFromItsJar() throws IOException {
        Path providers = Files.createDirectories(dir.resolve("providers"));
        VendorJar.installInto(providers, "keystore-vault-provider.jar");
        String keystore = dir.resolve("vault.p12").toString();
        String vault = "{\"provider\": \"example-keystore\", \"keystoreFile\": \"" + keystore + "\", ";
        Path config = Files.writeString(dir.resolve("vault.json"), vault + "\"password\": \"vault-password-1\"}");
        Path readOnly = Files.writeString(dir.resolve("vault-ro.json"),
                vault + "\"password\": \"vault-password-1\", \"readOnly\": true}");
        Path wrong = Files.writeString(dir.resolve("vault-bad.json"), vault + "\"password\": \"not-the-password\"}");

        CliRun.Result result = CliRun.run("--providers-dir", providers.toString(), "conformance",
                "--config", config.toString(), "--readonly-config", readOnly.toString(),
                "--bad-credentials-config", wrong.toString(), "--report-dir", dir.resolve("reports").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("✓ conformance passed")
                .containsPattern("Least privilege[^\\n]*\\s+[1-9]\\d*\\s+0\\s+\\d+")
                .doesNotContain("vault-password-1").doesNotContain("not-the-password");
    }

    @Test
    @DisplayName("a bad config stops before any test runs: field problems, exit 2")
    void badConfig() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.json"), "{\"provider\": \"local\", \"keyFiel\": \"x\"}");

        CliRun.Result result = CliRun.run("conformance", "--config", config.toString(),
                "--report-dir", dir.resolve("reports").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("  - keyFiel: ");
        assertThat(result.out()).doesNotContain("GROUP");
    }

    /**
     * What the JVM itself would show while open: System.out, System.err (the CLI's Io does not write
     * there in these tests, the kit and the store may) and every record reaching the root logger.
     */
    private static final class ProcessOutput implements AutoCloseable {
        private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        private final List<String> logged = new CopyOnWriteArrayList<>();
        private final PrintStream out = System.out;
        private final PrintStream err = System.err;
        private final Logger root = Logger.getLogger("");
        private final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        ProcessOutput() {
            PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
            System.setOut(both);
            System.setErr(both);
            handler.setLevel(Level.ALL);
            root.addHandler(handler);
        }

        synchronized String text() {
            return printed.toString(StandardCharsets.UTF_8) + String.join("\n", logged);
        }

        @Override
        public void close() {
            root.removeHandler(handler);
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** A terminal that records its progress lines. */
    private static final class RecordingTerminal implements Terminal {
        final List<String> lines = new ArrayList<>();

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public Optional<char[]> readHidden(String prompt) {
            return Optional.empty();
        }

        @Override
        public synchronized void progress(String line) {
            lines.add(line);
        }

        @Override
        public void clearProgress() {
        }
    }
}
