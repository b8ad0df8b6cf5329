package dev.secretstore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.VerificationReport;
import dev.secretstore.VerificationStep;
import dev.secretstore.emulator.azure.EmulatorDefaults;
import dev.secretstore.emulator.azure.Operation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** verify on Azure: the store check for unmanaged secrets, and waiting for a role assignment to propagate. */
class AzureVerifyTest {

    private static VerificationStep storeCheck(VerificationReport report) {
        return report.steps().stream().filter(s -> s.name().equals("vault holds only managed secrets")).findFirst()
                .orElseThrow();
    }

    @Test
    void warnsAboutUnmanagedSecretsWithTheirCountOnly() {
        try (EmulatorVault vault = new EmulatorVault(); SecretStore store = SecretStores.open(vault.privileged())) {
            assertThat(storeCheck(store.verify()).status()).isEqualTo(VerificationStep.Status.PASSED);

            vault.emulator.plantSecret("someone-elses-db-password", "planted-value-never-shown");
            vault.emulator.plantSecret("another-app-key", "planted-value-never-shown");
            VerificationReport report = store.verify();

            assertThat(report.passed()).isTrue();
            VerificationStep check = storeCheck(report);
            assertThat(check.status()).isEqualTo(VerificationStep.Status.WARNING);
            assertThat(check.detail()).hasValueSatisfying(d -> assertThat(d)
                    .contains("2 secrets without AirbyteManaged=true").doesNotContain("planted-value-never-shown")
                    .doesNotContain("someone-elses-db-password"));
            assertThat(report.toString()).doesNotContain("planted-value-never-shown");
        }
    }

    @Test
    void waitsForARoleAssignmentToPropagate() throws Exception {
        try (EmulatorVault vault = new EmulatorVault()) {
            Map<String, Object> config = vault.config(EmulatorDefaults.USER_CLIENT_ID, EmulatorDefaults.USER_CLIENT_SECRET);
            config.put("verifyPropagationWait", "PT30S");
            // The role arrives a second after verify starts, as an assignment made just before would.
            CompletableFuture<Void> granted = CompletableFuture.runAsync(() -> vault.emulator.loadState(
                    "{\"roleAssignments\": [{\"principalId\": \"" + EmulatorDefaults.USER_CLIENT_ID
                            + "\", \"role\": \"Key Vault Secrets Officer\"}]}"),
                    CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
            try (SecretStore store = SecretStores.open(config)) {
                VerificationReport report = store.verify();

                granted.get(10, TimeUnit.SECONDS);
                assertThat(report.passed()).as(report.toString()).isTrue();
                assertThat(vault.emulator.requestCount(Operation.SET_SECRET)).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void reportsDenialAfterTheConfiguredWait() {
        try (EmulatorVault vault = new EmulatorVault()) {
            Map<String, Object> config = vault.config(EmulatorDefaults.READER_CLIENT_ID, EmulatorDefaults.READER_CLIENT_SECRET);
            config.put("verifyPropagationWait", "PT1S");
            try (SecretStore store = SecretStores.open(config)) {
                long started = System.nanoTime();
                VerificationReport report = store.verify();

                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
                assertThat(report.passed()).isFalse();
                VerificationStep create = report.steps().get(0);
                assertThat(create.failureKind()).contains(VerificationStep.FailureKind.ACCESS_DENIED);
                assertThat(create.remediation()).hasValueSatisfying(h -> assertThat(h).contains("Key Vault Secrets Officer"));
            }
        }
    }
}
