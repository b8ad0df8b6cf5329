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

@DisplayName("secretstore verify")
class VerifyCommandTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a healthy store: one line per step with a mark and its time, exit 0")
    void healthyStorePasses() {
        CliRun.Result result = CliRun.run("verify", "--config", LocalStoreConfig.writable(dir));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .containsPattern("✓ create test secret\\s+\\d+ ms")
                .containsPattern("✓ read it back\\s+\\d+ ms")
                .containsPattern("✓ confirm its tags\\s+\\d+ ms")
                .containsPattern("✓ delete test secret\\s+\\d+ ms")
                .contains("✓ verification passed");
        assertThat(CliRun.run("list", "--config", LocalStoreConfig.writable(dir)).out()).contains("No managed secrets");
    }

    @Test
    @DisplayName("--keep leaves the test secret in the store for the user to inspect")
    void keepLeavesTheTestSecret() {
        String config = LocalStoreConfig.writable(dir);

        CliRun.Result result = CliRun.run("verify", "--config", config, "--keep");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).doesNotContain("✓ delete test secret");
        assertThat(CliRun.run("list", "--config", config).out()).contains("secretstore-verify-");
    }

    @Test
    @DisplayName("a read-only store fails the create step with a remediation, exit 3 (access denied)")
    void readOnlyStoreFails() {
        CliRun.run("verify", "--config", LocalStoreConfig.writable(dir));

        CliRun.Result result = CliRun.run("verify", "--config", LocalStoreConfig.readOnly(dir));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).containsPattern("✗ create test secret\\s+\\d+ ms")
                .contains("fix: ")
                .contains("✗ verification failed");
    }

    @Test
    @DisplayName("a delete the store denies is a warning (!), not a failure: exit 0")
    void deniedDeleteIsAWarning() throws IOException {
        Path config = Files.writeString(dir.resolve("deny-delete.json"),
                "{\"provider\": \"faulty-test\", \"fault\": \"deny-delete\"}");

        CliRun.Result result = CliRun.run("verify", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("! delete test secret\\s+\\d+ ms").contains("fix: ")
                .contains("✓ verification passed");
    }

    @Test
    @DisplayName("--output json: the report as one document")
    void jsonReport() throws IOException {
        CliRun.Result result = CliRun.run("verify", "--config", LocalStoreConfig.writable(dir), "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.get("passed").asBoolean()).isTrue();
        assertThat(report.get("exitCode").asInt()).isZero();
        assertThat(report.get("provider").asText()).isEqualTo("local");
        assertThat(report.get("steps")).hasSize(4);
        for (JsonNode step : report.get("steps")) {
            assertThat(step.get("status").asText()).isEqualTo("PASSED");
            assertThat(step.get("millis").isNumber()).isTrue();
            assertThat(step.has("failureKind")).isFalse();
        }
    }

    @Test
    @DisplayName("no --config: the local store at ~/.secretstore (here a temporary home)")
    void defaultStoreIsTheLocalOneInTheHomeDirectory() {
        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        try {
            CliRun.Result result = CliRun.run("verify");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("Verifying the 'local' store").contains("✓ verification passed");
            assertThat(dir.resolve(".secretstore")).isDirectory();
        } finally {
            System.setProperty("user.home", home);
        }
    }
}
