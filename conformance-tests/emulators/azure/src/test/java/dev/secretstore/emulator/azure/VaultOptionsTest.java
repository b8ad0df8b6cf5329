package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpClient;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.models.DeletedSecret;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Vault options: purge protection and retention days; state loaded through the Java API")
class VaultOptionsTest {
    private static AzureKeyVaultEmulator emulator;
    private static SecretClient client;

    @BeforeAll
    static void start() {
        emulator = AzureKeyVaultEmulator.builder().start();
        HttpClient http = EmulatorClients.trusting(emulator.certificate());
        client = EmulatorClients.secretClientWithoutRetries(emulator, http,
                EmulatorClients.officerCredential(emulator, http));
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @Test
    @DisplayName("purge protection refuses purge; the secret is purged by itself after the retention days")
    void purgeProtection() {
        emulator.loadState("{\"vault\": {\"purgeProtection\": true, \"retentionDays\": 7},"
                + " \"secrets\": [{\"name\": \"protected\", \"value\": \"v\"}]}");

        KeyVaultSecret secret = client.getSecret("protected");
        assertThat(secret.getProperties().getRecoveryLevel()).isEqualTo("CustomizedRecoverable");
        assertThat(secret.getProperties().getRecoverableDays()).isEqualTo(7);
        DeletedSecret deleted = client.beginDeleteSecret("protected").waitForCompletion().getValue();
        assertThat(Duration.between(deleted.getDeletedOn(), deleted.getScheduledPurgeDate())).isEqualTo(Duration.ofDays(7));

        assertThatThrownBy(() -> client.purgeDeletedSecret("protected"))
                .isInstanceOf(HttpResponseException.class)
                .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(403))
                .hasMessageContaining("purge protection is enabled");
        assertThat(client.getDeletedSecret("protected").getName()).isEqualTo("protected");

        emulator.advanceClock(Duration.ofDays(7).plusSeconds(1));

        assertThatThrownBy(() -> client.getDeletedSecret("protected")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(client.listDeletedSecrets().stream().map(DeletedSecret::getName)).doesNotContain("protected");
        assertThat(client.setSecret("protected", "reborn").getValue()).isEqualTo("reborn");
    }

    @Test
    @DisplayName("a bad state is refused with a message naming the field, and the loaded state stays")
    void badState() {
        emulator.loadState("{\"secrets\": [{\"name\": \"kept\", \"value\": \"v\"}]}");

        assertThatThrownBy(() -> emulator.loadState("{\"vault\": {\"retentionDays\": 3}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vault.retentionDays");
        assertThatThrownBy(() -> emulator.loadState("{\"vault\": {\"softDelete\": false}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vault.softDelete");
        assertThatThrownBy(() -> emulator.loadState("{\"roleAssignments\": [{\"principalId\": \"x\", \"role\": \"Owner\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("roleAssignments[0]")
                .hasMessageContaining("unknown role 'Owner'");

        assertThat(client.getSecret("kept").getValue()).isEqualTo("v");
    }
}
