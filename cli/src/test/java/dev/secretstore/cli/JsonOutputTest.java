package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("--output json: every command prints exactly one JSON document on stdout")
class JsonOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode run(String stdin, String... args) throws IOException {
        CliRun.Result result = CliRun.withStdin(stdin, args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return JSON.readTree(result.out());
    }

    @Test
    @DisplayName("providers, put, get, describe, list, delete and verify")
    void everyCommand() throws IOException {
        String c = LocalStoreConfig.writable(dir);

        assertThat(run("", "providers", "-o", "json").get("providers").isArray()).isTrue();
        JsonNode put = run("value", "put", "a/b", "--tag", "team=data", "--config", c, "-o", "json");
        assertThat(put.get("name").asText()).isEqualTo("a/b");
        assertThat(put.get("managed").asBoolean()).isTrue();
        assertThat(put.has("value")).isFalse();
        assertThat(run("", "get", "a/b", "--config", c, "-o", "json").get("value").asText()).isEqualTo("value");
        JsonNode described = run("", "describe", "a/b", "--config", c, "-o", "json");
        assertThat(described.get("tags").get("team").asText()).isEqualTo("data");
        assertThat(described.get("nativeId").asText()).isNotBlank();
        assertThat(run("", "list", "--config", c, "-o", "json").get("secrets").get(0).get("name").asText())
                .isEqualTo("a/b");
        JsonNode deleted = run("", "delete", "a/b", "--recovery-days", "2", "--config", c, "-o", "json");
        assertThat(deleted.get("deleted").asText()).isEqualTo("a/b");
        assertThat(deleted.get("recoveryDays").asInt()).isEqualTo(2);
        assertThat(run("", "verify", "--config", c, "-o", "json").get("passed").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("errors too: type, message, provider, operation, secret, exit code")
    void errors() throws IOException {
        CliRun.Result result = CliRun.run("get", "absent", "--config", LocalStoreConfig.writable(dir), "-o", "json");

        JsonNode document = JSON.readTree(result.out());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(document.get("exitCode").asInt()).isEqualTo(1);
        assertThat(document.get("error").get("provider").asText()).isEqualTo("local");
        assertThat(document.get("error").get("operation").asText()).isEqualTo("READ");
        assertThat(document.get("error").get("secret").asText()).isEqualTo("absent");
        assertThat(result.err()).isEmpty();
    }
}
