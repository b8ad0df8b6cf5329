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

@DisplayName("bad configs: field-level problems, exit 2, and never a credential")
class ConfigErrorsTest {

    /** Looks like an AWS secret key; must never be printed. */
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0001";
    private static final String CLIENT_SECRET = "azure-client-secret-CANARY-0002";

    @TempDir
    Path dir;

    private String file(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json).toString();
    }

    @Test
    @DisplayName("an unknown field is named, with a did-you-mean")
    void unknownField() throws IOException {
        String config = file("c.json", "{\"provider\": \"local\", \"pathh\": \"" + dir.resolve("s") + "\"}");

        CliRun.Result result = CliRun.run("verify", "--config", config);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid config").contains("  - pathh: ").contains("path");
    }

    @Test
    @DisplayName("a mistyped field names the field and the expected type")
    void mistypedField() throws IOException {
        String config = file("c.json", "{\"provider\": \"local\", \"path\": \"" + dir.resolve("s")
                + "\", \"readOnly\": \"perhaps\"}");

        CliRun.Result result = CliRun.run("list", "--config", config);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("  - readOnly: ");
    }

    @Test
    @DisplayName("a cloud config whose provider is not installed: exit 2, and the secret key is not echoed")
    void cloudConfigWithoutItsProvider() throws IOException {
        String config = file("aws.json", "{\"auth_type\": \"ACCESS_KEY\", \"awsAccessKey\": \"AKIAIOSFODNN7EXAMPLE\","
                + " \"awsSecretAccessKey\": \"" + SECRET_KEY + "\", \"awsRegion\": \"us-west-2\"}");

        CliRun.Result result = CliRun.run("verify", "--config", config);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ");
        assertThat(result.all()).doesNotContain(SECRET_KEY);
    }

    @Test
    @DisplayName("a config naming a provider that is not installed says what is installed and which jar to add")
    void namedProviderNotInstalled() throws IOException {
        String config = file("aws.json", "{\"provider\": \"aws\", \"auth_type\": \"ACCESS_KEY\","
                + " \"awsAccessKey\": \"AKIAIOSFODNN7EXAMPLE\", \"awsSecretAccessKey\": \"" + SECRET_KEY + "\","
                + " \"awsRegion\": \"us-west-2\"}");

        CliRun.Result result = CliRun.run("verify", "--config", config);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("no such provider: aws").containsPattern("installed providers: [a-z, -]*local")
                .contains("dev.secretstore:secretstore-aws");
        assertThat(result.all()).doesNotContain(SECRET_KEY);
    }

    @Test
    @DisplayName("a config that is not JSON is reported by position only: the broken token may be a credential")
    void notJson() throws IOException {
        String config = file("broken.json", "{\"vaultUrl\": \"https://v.vault.azure.net/\",\n \"clientSecret\": "
                + CLIENT_SECRET + "}");

        CliRun.Result result = CliRun.run("verify", "--config", config);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is not valid JSON (line 2");
        assertThat(result.all()).doesNotContain(CLIENT_SECRET).doesNotContain("CANARY");
    }

    @Test
    @DisplayName("a secret field of a known provider that fails validation is not echoed")
    void secretFieldNotEchoed() throws IOException {
        String config = file("faulty.json", "{\"provider\": \"faulty-test\", \"fault\": \"sometimes\", \"token\": \""
                + CLIENT_SECRET + "\", \"tokn\": \"" + CLIENT_SECRET + "\"}");

        CliRun.Result result = CliRun.run("verify", "--config", config, "-o", "json");

        assertThat(result.exitCode()).isEqualTo(2);
        JsonNode error = new ObjectMapper().readTree(result.out()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("InvalidConfigException");
        assertThat(error.get("problems").findValuesAsText("field")).contains("fault", "tokn");
        assertThat(result.all()).doesNotContain(CLIENT_SECRET);
    }

    @Test
    @DisplayName("a JSON array, a missing file and an empty stdin are usage errors (exit 2)")
    void otherShapes() throws IOException {
        CliRun.Result array = CliRun.run("verify", "--config", file("a.json", "[1, 2]"));
        CliRun.Result missing = CliRun.run("verify", "--config", dir.resolve("absent.json").toString());
        CliRun.Result empty = CliRun.withStdin("", "verify", "--config", "-");

        assertThat(array.exitCode()).isEqualTo(2);
        assertThat(array.err()).contains("must be a JSON object");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("config from stdin is not valid JSON");
    }
}
