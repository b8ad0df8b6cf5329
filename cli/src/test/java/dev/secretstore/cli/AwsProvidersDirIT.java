package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.emulator.aws.AwsSecretsManagerEmulator;
import dev.secretstore.emulator.aws.DefaultIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS provider as a user installs it for the CLI: {@code secretstore --providers-dir
 * providers/aws/target/providers}, the CLI's runnable jar in a child JVM (no AWS SDK on its class path), against an
 * AWS emulator in this JVM. Runs after {@code package} (failsafe). Each command is bounded to 60 s.
 */
class AwsProvidersDirIT {

    private static AwsSecretsManagerEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = AwsSecretsManagerEmulator.builder().port(0).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void providersListsAwsLoadedFromTheDirectory() throws Exception {
        Result r = cli("providers");

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("aws  (type ").contains("roleArn").contains("awsSecretAccessKey")
                .contains("from: ").doesNotContain("failed to load");
    }

    @Test
    void verifyPassesAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("aws.json");
        Files.writeString(config, "{\"provider\": \"aws\", \"auth_type\": \"ACCESS_KEY\", \"awsAccessKey\": \""
                + DefaultIdentity.ADMIN_ACCESS_KEY_ID + "\", \"awsSecretAccessKey\": \""
                + DefaultIdentity.ADMIN_SECRET_ACCESS_KEY + "\", \"awsRegion\": \"us-east-1\", \"endpoint\": \""
                + emulator.endpoint() + "\"}");

        Result r = cli("verify", "--config", config.toString());

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("created ").contains("arn:aws:secretsmanager:us-east-1:")
                .doesNotContain(DefaultIdentity.ADMIN_SECRET_ACCESS_KEY)
                // the CLI ships an SLF4J binding, so loading the SDK prints no "no binding" warning
                .doesNotContain("SLF4J");
        assertThat(emulator.requestCount("CreateSecret")).isPositive();
        assertThat(emulator.requestCount("DeleteSecret")).isPositive();
    }

    @Test
    void policyPrintsTheTagConditionedPolicy() throws Exception {
        Result r = cli("policy", "aws", "--tag-key", "Team");

        assertThat(r.exit).as(r.output).isZero();
        JsonNode policy = new ObjectMapper().readTree(r.stdout);
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(r.stdout).contains("secretsmanager:ResourceTag/Team").contains("aws:RequestTag/Team")
                .doesNotContain("AirbyteManaged");
    }

    private record Result(int exit, String stdout, String output) {
    }

    private static Result cli(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("secretstore.cli.jar"));
        Path providers = Path.of(System.getProperty("secretstore.aws.providers.dir"));
        assertThat(jar).isRegularFile();
        assertThat(providers).isDirectory();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--providers-dir", providers.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("secretstore-cli", ".out");
        Path err = Files.createTempFile("secretstore-cli", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the CLI did not finish within 60 s: " + String.join(" ", args));
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            return new Result(p.exitValue(), stdout, stdout + Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
