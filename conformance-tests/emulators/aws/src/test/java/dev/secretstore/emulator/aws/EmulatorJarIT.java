package dev.secretstore.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.emulator.testing.ReadyLineProcess;
import dev.secretstore.emulator.testing.ReadyLineProcess.Stderr;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Runs the built executable jar as a child process (failsafe, after {@code package}), waits for its READY line,
 * talks to it with the SDK, and stops it.
 */
class EmulatorJarIT {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES) // close() still stops the child
    void builtJarStartsWithAStateFileAndServesTheSdk(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("emulator.jar", "target/secretstore-emulator-aws.jar"));
        assertThat(jar).exists();
        Path state = dir.resolve("state.json");
        Files.writeString(state, """
                {"accounts": [{"id": "210987654321",
                  "users": [{"name": "ci", "accessKeys": [{"accessKeyId": "AKIACIUSER0000000001", "secretAccessKey": "ci-secret"}],
                    "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"}]}]}],
                  "secrets": [{"name": "seeded/one", "region": "us-east-1", "secretString": "from-file"}]}]}
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ReadyLineProcess child = ReadyLineProcess.start(
                List.of(java, "-jar", jar.toString(), "--port", "0", "--state", state.toString()), Stderr.INHERIT);
        try (child) {
            String ready = child.awaitReady(Duration.ofSeconds(60));
            assertThat(ready).matches("READY http://127\\.0\\.0\\.1:\\d+");
            URI endpoint = URI.create(ready.substring("READY ".length()));

            try (SecretsManagerClient ci = Clients.secretsManager(endpoint, Clients.keys("AKIACIUSER0000000001",
                    "ci-secret"));
                 StsClient sts = Clients.sts(endpoint, Clients.admin())) {
                assertThat(ci.getSecretValue(b -> b.secretId("seeded/one")).secretString()).isEqualTo("from-file");
                assertThat(ci.getSecretValue(b -> b.secretId("seeded/one")).arn())
                        .startsWith("arn:aws:secretsmanager:us-east-1:210987654321:secret:seeded/one-");
                ci.createSecret(b -> b.name("made/by-sdk").secretString("x"));
                assertThat(ci.listSecrets().secretList()).hasSize(2);
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::123456789012:user/admin");
            }
            AdminHttp.Reply counts = AdminHttp.call(endpoint, "GET", "counts", null);
            assertThat(counts.body()).contains("\"GetSecretValue\":2").contains("\"CreateSecret\":1");
            assertThat(child.output()).as("exactly one line on stdout").containsExactly(ready);
            // A clean stop on SIGTERM; close() kills it if it does not stop in time.
            child.requestStop();
            child.waitForExit(Duration.ofSeconds(20));
        }
        assertThat(child.isAlive()).isFalse();
        assertThat(List.of(0, 143)).contains(child.exitCode());
    }
}
