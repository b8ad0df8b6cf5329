package dev.secretstore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider as a user installs it for the CLI: {@code secretstore --providers-dir providers/aws/target/providers}
 * in a child JVM whose class path holds only the CLI's jar (no AWS SDK), against an emulator in this JVM. Runs
 * after {@code package} (failsafe), when the providers directory exists. Each command is bounded to 60 s.
 */
class AwsCliIT {

    private static EmulatedAccount account;

    @BeforeAll
    static void start() {
        account = EmulatedAccount.start();
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    @Test
    void providersListsAwsLoadedFromTheDirectory() throws Exception {
        Result r = cli("providers");

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("aws  (type ").contains("roleArn").contains("awsSecretAccessKey")
                .contains("from: ").doesNotContain("failed to load").doesNotContain("SLF4J");
    }

    @Test
    void verifyPassesWithThePrintedPolicyAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("aws.json");
        Files.writeString(config, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                account.accessKeyConfig(EmulatedAccount.APP_KEY, EmulatedAccount.APP_SECRET)));

        Result r = cli("verify", "--config", config.toString());

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("created ").contains("arn:aws:secretsmanager:us-east-1:")
                .doesNotContain(EmulatedAccount.APP_SECRET)
                // the CLI ships an SLF4J binding, so loading the SDK prints no "no binding" warning
                .doesNotContain("SLF4J");
        try (var admin = account.admin()) {
            assertThat(admin.listSecrets().secretList()).isEmpty();
        }
    }

    @Test
    void policyPrintsWhatTheProviderRecommends() throws Exception {
        Result r = cli("policy", "aws", "--tag-key", "Team");

        assertThat(r.exit).as(r.output).isZero();
        String expected = new AwsSecretStoreProvider().recommendedPolicy(Map.of("tag-key", "Team")).orElseThrow();
        assertThat(r.stdout.strip()).isEqualTo(expected.strip());
    }

    private record Result(int exit, String stdout, String output) {
    }

    private static Result cli(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("secretstore.cli.jar"));
        Path providers = Path.of(System.getProperty("secretstore.providers.dir"));
        assertThat(jar).as("the CLI jar (built by the reactor before this module)").isRegularFile();
        assertThat(providers.resolve("secretstore-aws-" + version() + ".jar")).isRegularFile();
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

    private static String version() {
        return System.getProperty("secretstore.version", "0.1.0-SNAPSHOT");
    }
}
