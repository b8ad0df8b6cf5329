package dev.secretstore.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStoreException;
import dev.secretstore.spi.StoreConfig;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The AADSTS codes the emulator cannot produce through the SDK (an unknown vault tenant is refused by the SDK
 * itself) are mapped from the code in the cause chain, as MSAL wraps Entra's answer.
 */
class EntraErrorCodesTest {
    private static final String SECRET = "client-secret-value";
    private final KeyVaultErrors errors = new KeyVaultErrors(AzureConfig.Settings.from(StoreConfig.of(Map.of(
            "vaultUrl", "https://v.vault.azure.net/", "tenantId", "12345678-1234-1234-1234-123456789012",
            "clientId", "87654321-4321-4321-4321-210987654321", "clientSecret", SECRET), AzureConfig.fields())));

    private SecretStoreException mapped(String entraMessage) {
        RuntimeException msal = new IllegalStateException(entraMessage);
        return errors.map(new RuntimeException("Failed to acquire a token", msal), SecretName.of("x"));
    }

    @Test
    @DisplayName("AADSTS90002 (unknown tenant) names tenantId and says where to find it")
    void unknownTenant() {
        SecretStoreException e = mapped("AADSTS90002: Tenant '12345678-1234-1234-1234-123456789012' not found.");

        assertThat(e).isInstanceOf(AuthenticationFailedException.class);
        assertThat(e.getMessage()).contains("AADSTS90002").contains("12345678-1234-1234-1234-123456789012");
        assertThat(e.remediation()).hasValueSatisfying(h -> assertThat(h).contains("Directory (tenant) ID"));
    }

    @Test
    @DisplayName("the four documented codes give four different messages, none with the secret")
    void fourCodesFourMessages() {
        var messages = java.util.stream.Stream.of(7000215, 7000222, 700016, 90002)
                .map(code -> mapped("AADSTS" + code + ": Entra's text mentioning " + SECRET))
                .peek(e -> assertThat(e).isInstanceOf(AuthenticationFailedException.class))
                .peek(e -> assertThat(e.getMessage()).doesNotContain(SECRET))
                .map(Throwable::getMessage).distinct().count();
        assertThat(messages).isEqualTo(4);
    }
}
