package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.emulator.azure.internal.AppRegistration;
import dev.secretstore.emulator.azure.internal.ClientSecretEntry;
import dev.secretstore.emulator.azure.internal.EmulatorRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Records holding tokens, client secrets or secret values leave them out of toString")
class RedactedToStringTest {

    @Test
    @DisplayName("a request prints its method, path and size, never its headers, query or body")
    void requestLeavesHeadersAndBodyOut() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJhcHBpZCI6ImFwcCJ9.c2lnbmF0dXJl";
        String clientSecret = "client-secret-value-123";
        byte[] body = ("client_id=app&client_secret=" + clientSecret + "&value=top-secret-value")
                .getBytes(StandardCharsets.UTF_8);
        EmulatorRequest request = new EmulatorRequest("POST", "/tenant/oauth2/v2.0/token",
                Map.of("client_secret", List.of(clientSecret)), Map.of("authorization", "Bearer " + token), body);

        assertThat(request.toString()).contains("POST", "/tenant/oauth2/v2.0/token")
                .doesNotContain(token).doesNotContain(clientSecret).doesNotContain("top-secret-value");
        assertThat(request.header("Authorization")).contains("Bearer " + token);
    }

    @Test
    @DisplayName("an app registration prints its ids, never its client secrets")
    void appRegistrationLeavesClientSecretsOut() {
        AppRegistration app = new AppRegistration("tenant", "client-id", "object-id", "app",
                List.of(new ClientSecretEntry("client-secret-value-456", Instant.parse("2030-01-01T00:00:00Z"))));

        assertThat(app.toString()).contains("client-id").doesNotContain("client-secret-value-456");
    }
}
