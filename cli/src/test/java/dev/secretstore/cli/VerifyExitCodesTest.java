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

@DisplayName("secretstore verify: a failed step's kind of failure picks the exit code and is in --output json")
class VerifyExitCodesTest {

    private static final String TOKEN = "t0k3n-VERIFY-CANARY";

    @TempDir
    Path dir;

    @Test
    @DisplayName("3: the store denies creating the test secret (a read-only local store)")
    void deniedCreateIsExit3() throws IOException {
        CliRun.run("verify", "--config", LocalStoreConfig.writable(dir));
        String readOnly = LocalStoreConfig.readOnly(dir);

        CliRun.Result text = CliRun.run("verify", "--config", readOnly);
        CliRun.Result json = CliRun.run("verify", "--config", readOnly, "-o", "json");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(3);
        assertThat(text.out()).containsPattern("✗ create test secret\\s+\\d+ ms").contains("✗ verification failed");
        JsonNode report = report(json, 3);
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(step(report, 0).get("status").asText()).isEqualTo("FAILED");
        assertThat(step(report, 0).get("failureKind").asText()).isEqualTo("ACCESS_DENIED");
        for (int i = 1; i < 4; i++) {
            assertThat(step(report, i).get("status").asText()).isEqualTo("SKIPPED");
            assertThat(step(report, i).has("failureKind")).as("a skipped step has no failure kind").isFalse();
        }
    }

    @Test
    @DisplayName("3: the credential is rejected on the first step, not while opening; the token is never echoed")
    void authenticationOnFirstUseIsExit3() throws IOException {
        String config = config("reject-token-on-use", TOKEN);

        CliRun.Result text = CliRun.run("verify", "--config", config);
        CliRun.Result json = CliRun.run("verify", "--config", config, "-o", "json");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(3);
        assertThat(text.out()).contains("✗ create test secret").contains("authentication failed");
        assertThat(step(report(json, 3), 0).get("failureKind").asText()).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(text.all() + json.all()).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("4: the store is unavailable, or throttling, during a step")
    void unavailableOrThrottledIsExit4() throws IOException {
        CliRun.Result down = CliRun.run("verify", "--config", config("unavailable", null));
        CliRun.Result downJson = CliRun.run("verify", "--config", config("unavailable", null), "-o", "json");
        CliRun.Result throttled = CliRun.run("verify", "--config", config("throttled", null), "-o", "json");

        assertThat(down.exitCode()).as(down.toString()).isEqualTo(4);
        assertThat(down.out()).contains("✗ create test secret").contains("fix: try again later");
        assertThat(step(report(downJson, 4), 0).get("failureKind").asText()).isEqualTo("UNAVAILABLE");
        assertThat(step(report(throttled, 4), 0).get("failureKind").asText()).isEqualTo("THROTTLED");
    }

    @Test
    @DisplayName("1: any other failure, e.g. the value read back differs (CHECK_FAILED); cleanup still passes")
    void ownCheckFailureIsExit1() throws IOException {
        CliRun.Result text = CliRun.run("verify", "--config", config("alter-values", null));
        CliRun.Result json = CliRun.run("verify", "--config", config("alter-values", null), "-o", "json");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(1);
        assertThat(text.out()).contains("✗ read it back").contains("differs");
        JsonNode report = report(json, 1);
        assertThat(step(report, 0).has("failureKind")).as("a passed step has no failure kind").isFalse();
        assertThat(step(report, 1).get("failureKind").asText()).isEqualTo("CHECK_FAILED");
        assertThat(step(report, 3).get("status").asText()).isEqualTo("PASSED");
    }

    @Test
    @DisplayName("0: a denied cleanup is a warning; JSON still says why (ACCESS_DENIED) and exitCode 0")
    void deniedCleanupIsExit0() throws IOException {
        CliRun.Result json = CliRun.run("verify", "--config", config("deny-delete", null), "-o", "json");

        JsonNode report = report(json, 0);
        assertThat(report.get("passed").asBoolean()).isTrue();
        assertThat(step(report, 3).get("status").asText()).isEqualTo("WARNING");
        assertThat(step(report, 3).get("failureKind").asText()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    @DisplayName("--help states the policy")
    void helpStatesThePolicy() {
        assertThat(CliRun.run("verify", "--help").out()).contains("3 if the first failure was access denied");
    }

    private String config(String fault, String token) throws IOException {
        String tokenField = token == null ? "" : ", \"token\": \"" + token + "\"";
        return Files.writeString(dir.resolve(fault + ".json"),
                "{\"provider\": \"faulty-test\", \"fault\": \"" + fault + "\"" + tokenField + "}").toString();
    }

    /** The JSON report; its exitCode field must match the process's. */
    private static JsonNode report(CliRun.Result result, int exitCode) throws IOException {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        JsonNode report = new ObjectMapper().readTree(result.out());
        assertThat(report.get("exitCode").asInt()).isEqualTo(exitCode);
        assertThat(report.get("steps")).hasSize(4);
        return report;
    }

    private static JsonNode step(JsonNode report, int index) {
        return report.get("steps").get(index);
    }
}
