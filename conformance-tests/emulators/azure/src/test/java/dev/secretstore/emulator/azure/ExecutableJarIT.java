package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import com.azure.security.keyvault.secrets.SecretClient;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--port", "0",
                "--state", state.toString(), "--cert-out", cert.toString())
                .redirectErrorStream(true)
                .start();
        try {
            String vaultUrl = awaitReady(process).get(60, TimeUnit.SECONDS);
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
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    @DisplayName("a state file it refuses: a message naming the field, exit code 1, no READY")
    void refusesABadStateFile(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("emulator.jar", "target/secretstore-emulator-azure.jar"));
        Path state = dir.resolve("bad-state.json");
        Files.writeString(state, "{\"vault\": {\"retentionDays\": 3}}");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--port", "0",
                "--state", state.toString())
                .redirectErrorStream(true)
                .start();
        try {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = process.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(output.get(10, TimeUnit.SECONDS)).contains("vault.retentionDays").doesNotContain("READY")
                    .doesNotContain("\tat ");
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The URL from the READY line; the rest of the output is drained so the child never blocks on it. */
    private static CompletableFuture<String> awaitReady(Process process) {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        ready.complete(line.substring("READY ".length()).trim());
                    } else {
                        seen.append(line).append('\n');
                    }
                }
                ready.completeExceptionally(new IllegalStateException("the emulator exited before READY:\n" + seen));
            } catch (Exception e) {
                ready.completeExceptionally(e);
            }
        }, "emulator-output");
        reader.setDaemon(true);
        reader.start();
        return ready;
    }
}
