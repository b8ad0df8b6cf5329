package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The admin endpoint /_emulator/: state, planted secrets, faults, request counts, reset")
class AdminEndpointTest {
    private static AzureKeyVaultEmulator emulator;
    private static RawHttp raw;
    private static SecretClient client;
    private static String admin;

    @BeforeAll
    static void start() {
        emulator = AzureKeyVaultEmulator.builder().start();
        HttpClient http = EmulatorClients.trusting(emulator.certificate());
        raw = new RawHttp(http);
        client = EmulatorClients.secretClientWithoutRetries(emulator, http,
                EmulatorClients.officerCredential(emulator, http));
        admin = emulator.vaultUrl() + "/_emulator/";
    }

    @BeforeEach
    void reset() {
        // The built-in state ({} keeps every default), whatever an earlier test loaded; then a reset.
        assertThat(raw.postJson(admin + "state", "{}").status()).isEqualTo(204);
        assertThat(raw.postJson(admin + "reset", "{}").status()).isEqualTo(204);
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @Test
    @DisplayName("health answers ok")
    void health() {
        assertThat(raw.get(admin + "health", null).json().path("status").asText()).isEqualTo("ok");
    }

    @Test
    @DisplayName("a planted secret is read through the SDK with its tags and content type; reset removes it")
    void plantAndReset() {
        RawHttp.Reply planted = raw.postJson(admin + "secrets", "{\"name\": \"planted\", \"value\": \"from-elsewhere\","
                + " \"contentType\": \"text/plain\", \"tags\": {\"source\": \"admin\"}}");
        assertThat(planted.status()).isEqualTo(200);

        KeyVaultSecret secret = client.getSecret("planted");
        assertThat(secret.getValue()).isEqualTo("from-elsewhere");
        assertThat(secret.getProperties().getVersion()).isEqualTo(planted.json().path("version").asText());
        assertThat(secret.getProperties().getTags()).containsEntry("source", "admin");
        assertThat(secret.getProperties().getContentType()).isEqualTo("text/plain");

        assertThat(raw.postJson(admin + "reset", "{}").status()).isEqualTo(204);
        assertThatThrownBy(() -> client.getSecret("planted")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("faults go on and off; request counts are read and cleared")
    void faultsAndCounts() {
        emulator.plantSecret("counted", "v");
        client.getSecret("counted");
        assertThat(raw.send(HttpMethod.DELETE, admin + "requests", null, null, null).status()).isEqualTo(204);

        assertThat(raw.postJson(admin + "faults", "{\"kind\": \"throttle\", \"retryAfterSeconds\": 3, \"times\": 0,"
                + " \"operation\": \"GetSecret\"}").status()).isEqualTo(204);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.getSecret("counted"))
                    .isInstanceOf(HttpResponseException.class)
                    .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(429));
        }
        assertThat(raw.send(HttpMethod.DELETE, admin + "faults", null, null, null).status()).isEqualTo(204);
        assertThat(client.getSecret("counted").getValue()).isEqualTo("v");

        JsonNode counts = raw.get(admin + "requests", null).json();
        assertThat(counts.path("GetSecret").asLong()).isEqualTo(3);
        assertThat(counts.path("SetSecret").asLong()).isZero();
        assertThat(counts.path("total").asLong()).isEqualTo(3);
    }

    @Test
    @DisplayName("a state load replaces vault options and secrets; a bad one is refused with the field named")
    void loadState() {
        RawHttp.Reply loaded = raw.postJson(admin + "state", "{\"vault\": {\"purgeProtection\": true},"
                + " \"secrets\": [{\"name\": \"from-state\", \"value\": \"s\", \"tags\": {\"k\": \"v\"}}]}");
        assertThat(loaded.status()).isEqualTo(204);
        assertThat(client.getSecret("from-state").getProperties().getRecoveryLevel()).isEqualTo("Recoverable");

        RawHttp.Reply refused = raw.postJson(admin + "state", "{\"apps\": [{\"clientId\": \"x\"}]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).contains("apps[0]").contains("secrets");
        assertThat(client.getSecret("from-state").getValue()).isEqualTo("s");

        RawHttp.Reply badFault = raw.postJson(admin + "faults", "{\"kind\": \"meteor\"}");
        assertThat(badFault.status()).isEqualTo(400);
        assertThat(badFault.json().path("error").asText()).contains("fault kind");
    }

    @Test
    @DisplayName("a loaded state's tenants, apps, client-secret expiry and role assignments govern SDK sign-in and access")
    void loadDirectory() {
        String vaultTenant = EmulatorDefaults.TENANT_ID;
        String newTenant = "7e7e7e7e-0000-4000-8000-000000000001";
        String reader = "7e7e7e7e-0000-4000-8000-00000000a001";
        String writer = "7e7e7e7e-0000-4000-8000-00000000a002";
        String stranger = "7e7e7e7e-0000-4000-8000-00000000b001";
        // The vault keeps its tenant: SDK clients cache a vault's challenge (tenant) per host for the JVM's life.
        RawHttp.Reply loaded = raw.postJson(admin + "state", "{"
                + "\"tenants\": [{\"id\": \"" + vaultTenant + "\"}, {\"id\": \"" + newTenant + "\"}],"
                + "\"apps\": ["
                + "  {\"tenantId\": \"" + vaultTenant + "\", \"clientId\": \"" + reader + "\","
                + "   \"secrets\": [{\"value\": \"old\", \"expires\": \"2021-01-01T00:00:00Z\"},"
                + "                 {\"value\": \"new\", \"expires\": \"2099-01-01T00:00:00Z\"}]},"
                + "  {\"tenantId\": \"" + vaultTenant + "\", \"clientId\": \"" + writer + "\","
                + "   \"secrets\": [{\"value\": \"w\"}]},"
                + "  {\"tenantId\": \"" + newTenant + "\", \"clientId\": \"" + stranger + "\","
                + "   \"secrets\": [{\"value\": \"s\"}]}],"
                + "\"roleAssignments\": [{\"principalId\": \"" + reader + "\", \"role\": \"Key Vault Secrets User\"},"
                + "  {\"principalId\": \"" + writer + "\", \"role\": \"Key Vault Secrets Officer\"}],"
                + "\"vault\": {\"retentionDays\": 30},"
                + "\"secrets\": [{\"name\": \"loaded\", \"value\": \"from-state\"}]}");
        assertThat(loaded.status()).isEqualTo(204);
        try {
            HttpClient http = EmulatorClients.trusting(emulator.certificate());
            SecretClient user = EmulatorClients.secretClientWithoutRetries(emulator, http,
                    EmulatorClients.credential(emulator, http, vaultTenant, reader, "new"));
            assertThat(user.getSecret("loaded").getValue()).isEqualTo("from-state");
            assertThat(user.getSecret("loaded").getProperties().getRecoverableDays()).isEqualTo(30);
            assertThatThrownBy(() -> user.setSecret("loaded", "x"))
                    .isInstanceOf(HttpResponseException.class)
                    .hasMessageContaining("ForbiddenByRbac");

            SecretClient expired = EmulatorClients.secretClientWithoutRetries(emulator, http,
                    EmulatorClients.credential(emulator, http, vaultTenant, reader, "old"));
            assertThatThrownBy(() -> expired.getSecret("loaded")).hasStackTraceContaining("AADSTS7000222");

            SecretClient officer = EmulatorClients.secretClientWithoutRetries(emulator, http,
                    EmulatorClients.credential(emulator, http, vaultTenant, writer, "w"));
            assertThat(officer.setSecret("written", "ok").getValue()).isEqualTo("ok");

            // The officer of the built-in state is gone with its app registration.
            assertThatThrownBy(() -> EmulatorClients.accessToken(EmulatorClients.officerCredential(emulator, http)))
                    .hasStackTraceContaining("AADSTS700016");
            // The new tenant signs its own apps in; the vault refuses their tokens (wrong issuer).
            String strangerToken = EmulatorClients.accessToken(
                    EmulatorClients.credential(emulator, http, newTenant, stranger, "s"));
            RawHttp.Reply refused = raw.get(emulator.vaultUrl() + "/secrets?api-version=7.5", strangerToken);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().path("error").path("message").asText()).startsWith("AKV10032");
        } finally {
            // Back to the built-in state: an absent section keeps the default's, so {} is the default state.
            assertThat(raw.postJson(admin + "state", "{}").status()).isEqualTo(204);
        }
        assertThatThrownBy(() -> client.getSecret("loaded")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("the clock moves forward: a soft-deleted secret is purged after the retention period")
    void clock() {
        emulator.plantSecret("aging", "v");
        client.beginDeleteSecret("aging").waitForCompletion();

        assertThat(raw.postJson(admin + "clock", "{\"advanceSeconds\": " + (90 * 86_400 + 1) + "}").status())
                .isEqualTo(204);

        assertThatThrownBy(() -> client.getDeletedSecret("aging")).isInstanceOf(ResourceNotFoundException.class);
    }
}
