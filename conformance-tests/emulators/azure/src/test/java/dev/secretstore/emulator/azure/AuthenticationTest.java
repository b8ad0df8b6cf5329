package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.identity.ClientSecretCredential;
import com.azure.security.keyvault.secrets.SecretClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Authentication: the bearer challenge, Entra tokens and Entra errors")
class AuthenticationTest {
    private static AzureKeyVaultEmulator emulator;
    private static HttpClient http;
    private static RawHttp raw;

    @BeforeAll
    static void start() {
        emulator = AzureKeyVaultEmulator.builder().start();
        http = EmulatorClients.trusting(emulator.certificate());
        raw = new RawHttp(http);
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @Test
    @DisplayName("the SDK's first request, body stripped, gets the 401 challenge; it fetches a token and retries")
    void challengeThenToken() {
        RecordingHttpClient recording = new RecordingHttpClient(http);
        SecretClient client = EmulatorClients.secretClientWithoutRetries(emulator, recording,
                EmulatorClients.officerCredential(emulator, recording));

        client.setSecret("challenged", "first-value");
        assertThat(client.getSecret("challenged").getValue()).isEqualTo("first-value");

        List<RecordingHttpClient.Exchange> exchanges = recording.exchanges();
        assertThat(exchanges).hasSize(4);
        RecordingHttpClient.Exchange challenge = exchanges.get(0);
        assertThat(challenge.method()).isEqualTo("PUT");
        assertThat(challenge.authorization()).isNull();
        assertThat(challenge.contentLength()).isEqualTo("0");
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.wwwAuthenticate()).isEqualTo("Bearer authorization=\"" + emulator.authorityHost() + "/"
                + EmulatorDefaults.TENANT_ID + "\", resource=\"https://vault.azure.net\"");
        assertThat(exchanges.get(1).method()).isEqualTo("POST");
        assertThat(exchanges.get(1).path()).isEqualTo("/" + EmulatorDefaults.TENANT_ID + "/oauth2/v2.0/token");
        assertThat(exchanges.get(1).status()).isEqualTo(200);
        assertThat(exchanges.get(2).authorization()).startsWith("Bearer ");
        assertThat(exchanges.get(2).status()).isEqualTo(200);
        assertThat(exchanges.get(3).method()).isEqualTo("GET");
        assertThat(exchanges.get(3).path()).isEqualTo("/secrets/challenged/");
        assertThat(exchanges.get(3).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a request without a token gets 401, the challenge header and the service's error body")
    void missingToken() {
        RawHttp.Reply reply = raw.get(emulator.vaultUrl() + "/secrets?api-version=7.5", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.wwwAuthenticate()).contains("resource=\"https://vault.azure.net\"")
                .contains("authorization=\"" + emulator.authorityHost() + "/" + EmulatorDefaults.TENANT_ID + "\"");
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("Unauthorized");
        assertThat(reply.json().path("error").path("message").asText())
                .isEqualTo("AKV10000: Request is missing a Bearer or PoP token.");
    }

    @Test
    @DisplayName("a token Entra issued for another resource (wrong scope) is refused by the vault: AKV10022")
    void tokenForAnotherResource() throws Exception {
        ClientSecretCredential credential = EmulatorClients.officerCredential(emulator, http);
        String managementToken = credential.getTokenSync(new com.azure.core.credential.TokenRequestContext()
                .addScopes("https://management.azure.com/.default")).getToken();
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(managementToken.split("\\.")[1]));
        assertThat(claims.path("aud").asText()).isEqualTo("https://management.azure.com");

        RawHttp.Reply reply = raw.get(emulator.vaultUrl() + "/secrets?api-version=7.5", managementToken);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.wwwAuthenticate()).startsWith("Bearer authorization=");
        assertThat(reply.json().path("error").path("message").asText())
                .startsWith("AKV10022: Invalid audience.").contains("https://management.azure.com");
    }

    @Test
    @DisplayName("a scope for a resource the tenant does not know: 400 invalid_resource AADSTS500011")
    void unknownResourceScope() {
        ClientSecretCredential credential = EmulatorClients.officerCredential(emulator, http);

        assertThatThrownBy(() -> credential.getTokenSync(new com.azure.core.credential.TokenRequestContext()
                .addScopes("https://nothing.example/.default")))
                .satisfies(e -> assertMsalError(e, 400, "invalid_resource", "AADSTS500011"));
    }

    @Test
    @DisplayName("tokens are RS256 JWTs for https://vault.azure.net with tenant, app, object id and expiry")
    void tokenClaims() throws Exception {
        String token = EmulatorClients.accessToken(EmulatorClients.officerCredential(emulator, http));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("aud").asText()).isEqualTo("https://vault.azure.net");
        assertThat(claims.path("tid").asText()).isEqualTo(EmulatorDefaults.TENANT_ID);
        assertThat(claims.path("appid").asText()).isEqualTo(EmulatorDefaults.OFFICER_CLIENT_ID);
        assertThat(claims.path("oid").asText()).isNotBlank();
        assertThat(claims.path("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
    }

    @Test
    @DisplayName("the vault refuses a token with a forged signature")
    void forgedToken() {
        String token = EmulatorClients.accessToken(EmulatorClients.officerCredential(emulator, http));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("not-the-signature".getBytes(StandardCharsets.US_ASCII));

        RawHttp.Reply reply = raw.get(emulator.vaultUrl() + "/secrets?api-version=7.5", forged);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.wwwAuthenticate()).startsWith("Bearer authorization=");
    }

    @Test
    @DisplayName("the vault refuses a token issued in another tenant")
    void otherTenantToken() {
        ClientSecretCredential otherTenant = EmulatorClients.credential(emulator, http,
                EmulatorDefaults.OTHER_TENANT_ID, EmulatorDefaults.OTHER_TENANT_CLIENT_ID,
                EmulatorDefaults.OTHER_TENANT_CLIENT_SECRET);

        RawHttp.Reply reply = raw.get(emulator.vaultUrl() + "/secrets?api-version=7.5",
                EmulatorClients.accessToken(otherTenant));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").path("message").asText()).contains("AKV10032: Invalid issuer")
                .contains(EmulatorDefaults.OTHER_TENANT_ID);
    }

    @Test
    @DisplayName("the vault refuses an expired token")
    void expiredToken() {
        MovableClock clock = new MovableClock();
        try (AzureKeyVaultEmulator timed = AzureKeyVaultEmulator.builder().clock(clock).start()) {
            HttpClient timedHttp = EmulatorClients.trusting(timed.certificate());
            RawHttp timedRaw = new RawHttp(timedHttp);
            String token = EmulatorClients.accessToken(EmulatorClients.credential(timed, timedHttp,
                    EmulatorDefaults.TENANT_ID, EmulatorDefaults.READER_CLIENT_ID,
                    EmulatorDefaults.READER_CLIENT_SECRET));
            assertThat(timedRaw.get(timed.vaultUrl() + "/secrets?api-version=7.5", token).status()).isEqualTo(200);

            clock.advance(Duration.ofHours(2));
            RawHttp.Reply reply = timedRaw.get(timed.vaultUrl() + "/secrets?api-version=7.5", token);

            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().path("error").path("message").asText()).contains("TokenExpired");
            assertThat(reply.wwwAuthenticate()).startsWith("Bearer authorization=");
        }
    }

    @Test
    @DisplayName("wrong client secret: 401 invalid_client AADSTS7000215")
    void wrongClientSecret() {
        assertEntraError(EmulatorDefaults.TENANT_ID, EmulatorDefaults.OFFICER_CLIENT_ID, "not-the-secret",
                401, "invalid_client", "AADSTS7000215");
    }

    @Test
    @DisplayName("expired client secret: 401 invalid_client AADSTS7000222")
    void expiredClientSecret() {
        assertEntraError(EmulatorDefaults.TENANT_ID, EmulatorDefaults.EXPIRED_SECRET_CLIENT_ID,
                EmulatorDefaults.EXPIRED_CLIENT_SECRET, 401, "invalid_client", "AADSTS7000222");
    }

    @Test
    @DisplayName("unknown client: 400 unauthorized_client AADSTS700016")
    void unknownClient() {
        assertEntraError(EmulatorDefaults.TENANT_ID, "00000000-0000-4000-8000-00000000ffff", "whatever",
                400, "unauthorized_client", "AADSTS700016");
    }

    @Test
    @DisplayName("unknown tenant: 400 invalid_request AADSTS90002")
    void unknownTenant() {
        // Asked directly: behind a SecretClient the challenge's tenant would replace the credential's.
        ClientSecretCredential credential = EmulatorClients.credential(emulator, http,
                "00000000-0000-4000-8000-0000000000ff", EmulatorDefaults.OFFICER_CLIENT_ID,
                EmulatorDefaults.OFFICER_CLIENT_SECRET);

        assertThatThrownBy(() -> EmulatorClients.accessToken(credential))
                .satisfies(e -> assertMsalError(e, 400, "invalid_request", "AADSTS90002"));
    }

    @Test
    @DisplayName("Entra error bodies carry error, error_description, error_codes, timestamp, trace and correlation ids")
    void entraErrorBody() {
        String form = "grant_type=client_credentials&client_id=" + EmulatorDefaults.OFFICER_CLIENT_ID
                + "&client_secret=wrong&scope=https%3A%2F%2Fvault.azure.net%2F.default";

        RawHttp.Reply reply = raw.send(HttpMethod.POST, emulator.authorityHost() + "/" + EmulatorDefaults.TENANT_ID
                + "/oauth2/v2.0/token", null, form, "application/x-www-form-urlencoded");

        assertThat(reply.status()).isEqualTo(401);
        JsonNode body = reply.json();
        assertThat(body.path("error").asText()).isEqualTo("invalid_client");
        assertThat(body.path("error_description").asText()).startsWith("AADSTS7000215: Invalid client secret provided.")
                .contains("Trace ID: ").contains("Correlation ID: ").contains("Timestamp: ");
        assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(body.path("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z");
        assertThat(body.path("trace_id").asText()).hasSize(36);
        assertThat(body.path("correlation_id").asText()).hasSize(36);
        assertThat(body.path("error_uri").asText()).endsWith("/error?code=7000215");
    }

    /** Through a SecretClient, as an application meets it: the SDK surfaces MSAL's exception with Entra's answer. */
    private void assertEntraError(String tenantId, String clientId, String clientSecret, int status, String error,
                                  String aadsts) {
        SecretClient client = EmulatorClients.secretClientWithoutRetries(emulator, http,
                EmulatorClients.credential(emulator, http, tenantId, clientId, clientSecret));

        assertThatThrownBy(() -> client.getSecret("anything"))
                .satisfies(e -> assertMsalError(e, status, error, aadsts));
    }

    private static void assertMsalError(Throwable thrown, int status, String error, String aadsts) {
        MsalServiceException msal = findCause(thrown, MsalServiceException.class);
        assertThat(msal.statusCode()).isEqualTo(status);
        assertThat(msal.errorCode()).isEqualTo(error);
        assertThat(msal.getMessage()).startsWith(aadsts + ": ");
    }

    private static <T extends Throwable> T findCause(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the cause chain of " + thrown);
    }
}
