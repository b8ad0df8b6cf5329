package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import com.azure.security.keyvault.secrets.SecretClient;
import dev.secretstore.emulator.testing.ReadyLineProcess;
import dev.secretstore.emulator.testing.ReadyLineProcess.Stderr;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The built jar runs as a command, prints READY, and serves the SDK")
class ExecutableJarIT {

    @Test
    @DisplayName("java -jar secretstore-emulator-azure.jar --port 0 --state FILE --cert-out FILE")
    void runsAsACommand(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("emulator.jar", "target/secretstore-emulator-azure.jar"));
        assertThat(jar).exists();
        Path state = dir.resolve("state.json");
        Files.writeString(state, "{\"vault\": {\"purgeProtection\": true},"
                + " \"secrets\": [{\"name\": \"preloaded\", \"value\": \"from-the-state-file\"}]}");
        Path cert = dir.resolve("emulator.pem");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        ReadyLineProcess child = ReadyLineProcess.start(List.of(java.toString(), "-jar", jar.toString(), "--port",
                "0", "--state", state.toString(), "--cert-out", cert.toString()), Stderr.MERGE);
        try (child) {
            String vaultUrl = child.awaitReady(Duration.ofSeconds(60)).substring("READY ".length()).trim();
            assertThat(vaultUrl).matches("https://127\\.0\\.0\\.1:\\d+");

            X509Certificate certificate;
            try (InputStream in = Files.newInputStream(cert)) {
                certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            HttpClient http = EmulatorClients.trusting(certificate);
            SecretClient client = new com.azure.security.keyvault.secrets.SecretClientBuilder()
                    .vaultUrl(vaultUrl)
                    .credential(new com.azure.identity.ClientSecretCredentialBuilder()
                            .authorityHost(vaultUrl)
                            .tenantId(EmulatorDefaults.TENANT_ID)
                            .clientId(EmulatorDefaults.OFFICER_CLIENT_ID)
                            .clientSecret(EmulatorDefaults.OFFICER_CLIENT_SECRET)
                            .disableInstanceDiscovery()
                            .httpClient(http)
                            .build())
                    .httpClient(http)
                    .disableChallengeResourceVerification()
                    .buildClient();

            assertThat(client.getSecret("preloaded").getValue()).isEqualTo("from-the-state-file");
            assertThat(client.getSecret("preloaded").getProperties().getRecoveryLevel()).isEqualTo("Recoverable");
            client.setSecret("written", "over-the-wire");
            assertThat(client.getSecret("written").getValue()).isEqualTo("over-the-wire");
            child.requestStop();
            child.waitForExit(Duration.ofSeconds(10));
        }
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    @DisplayName("a state file it refuses: a message naming the field, exit code 1, no READY")
    void refusesABadStateFile(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("emulator.jar", "target/secretstore-emulator-azure.jar"));
        Path state = dir.resolve("bad-state.json");
        Files.writeString(state, "{\"vault\": {\"retentionDays\": 3}}");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        try (ReadyLineProcess child = ReadyLineProcess.start(List.of(java.toString(), "-jar", jar.toString(),
                "--port", "0", "--state", state.toString()), Stderr.MERGE)) {
            assertThat(child.waitForExit(Duration.ofSeconds(60))).as("exits by itself").isTrue();
            assertThat(child.exitCode()).isEqualTo(1);
            assertThat(String.join("\n", child.output())).contains("vault.retentionDays").doesNotContain("READY")
                    .doesNotContain("\tat ");
        }
    }
}
