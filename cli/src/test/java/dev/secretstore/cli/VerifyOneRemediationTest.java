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
 * The vendor sample fills both the exception's remediation ("check the password ...") and
 * {@code remediation(step, failure)} for a wrong password: verify shows the provider's step hint, once.
 */
@DisplayName("secretstore verify: one remediation per failed step")
class VerifyOneRemediationTest {

    private static final String EXCEPTION_HINT = "check the password (or the variable named by passwordEnv)";
    private static final String PROVIDER_HINT = "the keystore password is wrong";

    @TempDir
    Path dir;

    @Test
    @DisplayName("text and JSON show the provider's hint and not the exception's as well")
    void providerHintWinsAndIsShownOnce() throws IOException {
        VendorJar.installInto(dir, "vendor.jar");
        String vault = "{\"provider\": \"example-keystore\", \"keystoreFile\": \"" + dir.resolve("vault.p12") + "\", ";
        Path right = Files.writeString(dir.resolve("right.json"), vault + "\"password\": \"vault-password-1\"}");
        Path wrong = Files.writeString(dir.resolve("wrong.json"), vault + "\"password\": \"not-the-password\"}");
        CliRun.Result created = CliRun.withStdin("v", "--providers-dir", dir.toString(), "put", "a", "--config",
                right.toString());
        assertThat(created.exitCode()).as(created.toString()).isZero();

        CliRun.Result text = CliRun.run("--providers-dir", dir.toString(), "verify", "--config", wrong.toString());
        CliRun.Result json = CliRun.run("--providers-dir", dir.toString(), "verify", "--config", wrong.toString(),
                "--output", "json");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(3);
        assertThat(text.out()).containsOnlyOnce(PROVIDER_HINT).contains("fix: " + PROVIDER_HINT)
                .doesNotContain(EXCEPTION_HINT).doesNotContain("Remediation:");
        JsonNode create = new ObjectMapper().readTree(json.out()).get("steps").get(0);
        assertThat(create.get("remediation").asText()).startsWith(PROVIDER_HINT);
        assertThat(create.get("detail").asText()).contains("wrong keystore password").doesNotContain(EXCEPTION_HINT);
    }
}
