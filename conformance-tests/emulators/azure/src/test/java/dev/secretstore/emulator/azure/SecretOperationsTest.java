package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.rest.PagedResponse;
import com.azure.identity.ClientSecretCredential;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretServiceVersion;
import com.azure.security.keyvault.secrets.models.DeletedSecret;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Secret operations, soft delete, paging and limits, through the Azure SDK's SecretClient")
class SecretOperationsTest {
    private static AzureKeyVaultEmulator emulator;
    private static HttpClient http;
    private static ClientSecretCredential credential;
    private static SecretClient client;
    private static RawHttp raw;

    @BeforeAll
    static void start() {
        emulator = AzureKeyVaultEmulator.builder().start();
        http = EmulatorClients.trusting(emulator.certificate());
        credential = EmulatorClients.officerCredential(emulator, http);
        client = EmulatorClients.secretClientWithoutRetries(emulator, http, credential);
        raw = new RawHttp(http);
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @Test
    @DisplayName("set makes a new 32-hex version each time; get returns the latest or the version asked for")
    void setAndGet() {
        KeyVaultSecret first = client.setSecret("db-password", "one");
        KeyVaultSecret second = client.setSecret("db-password", "two");

        assertThat(first.getProperties().getVersion()).matches("[0-9a-f]{32}");
        assertThat(second.getProperties().getVersion()).matches("[0-9a-f]{32}")
                .isNotEqualTo(first.getProperties().getVersion());
        assertThat(second.getId()).isEqualTo(emulator.vaultUrl() + "/secrets/db-password/"
                + second.getProperties().getVersion());
        assertThat(client.getSecret("db-password").getValue()).isEqualTo("two");
        assertThat(client.getSecret("db-password", first.getProperties().getVersion()).getValue()).isEqualTo("one");
        SecretProperties properties = second.getProperties();
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getCreatedOn()).isNotNull();
        assertThat(properties.getUpdatedOn()).isEqualTo(properties.getCreatedOn());
        assertThat(properties.getRecoveryLevel()).isEqualTo("Recoverable+Purgeable");
        assertThat(properties.getRecoverableDays()).isEqualTo(90);
    }

    @Test
    @DisplayName("an unknown secret or version is 404 SecretNotFound")
    void notFound() {
        client.setSecret("exists", "v");

        assertThatThrownBy(() -> client.getSecret("never-set"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("SecretNotFound")
                .hasMessageContaining("A secret with (name/id) never-set was not found in this key vault.");
        assertThatThrownBy(() -> client.getSecret("exists", "0123456789abcdef0123456789abcdef"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("set with content type, tags and attributes; names compare case-insensitively")
    void setWithProperties() {
        KeyVaultSecret secret = new KeyVaultSecret("Mixed-Case", "value");
        secret.getProperties().setContentType("text/plain").setTags(Map.of("owner", "ops", "env", "test"));

        client.setSecret(secret);
        KeyVaultSecret read = client.getSecret("mixed-case");

        assertThat(read.getValue()).isEqualTo("value");
        assertThat(read.getName()).isEqualTo("Mixed-Case");
        assertThat(read.getProperties().getContentType()).isEqualTo("text/plain");
        assertThat(read.getProperties().getTags()).containsEntry("owner", "ops").containsEntry("env", "test");
    }

    @Test
    @DisplayName("list pages by 25 through nextLink; list versions returns every version")
    void listAndVersions() {
        long before = emulator.requestCount(Operation.GET_SECRETS);
        for (int i = 0; i < 27; i++) {
            emulator.plantSecret(String.format("page-%02d", i), "v" + i);
        }
        List<Integer> pageSizes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (PagedResponse<SecretProperties> page : client.listPropertiesOfSecrets().iterableByPage()) {
            pageSizes.add(page.getValue().size());
            page.getValue().forEach(p -> names.add(p.getName()));
        }

        assertThat(pageSizes.get(0)).isEqualTo(25);
        assertThat(pageSizes.size()).isGreaterThanOrEqualTo(2);
        assertThat(names).contains("page-00", "page-26").doesNotHaveDuplicates();
        assertThat(emulator.requestCount(Operation.GET_SECRETS) - before).isEqualTo(pageSizes.size());

        client.setSecret("versioned", "a");
        client.setSecret("versioned", "b");
        client.setSecret("versioned", "c");
        List<String> versions = StreamSupport.stream(
                        client.listPropertiesOfSecretVersions("versioned").spliterator(), false)
                .map(SecretProperties::getVersion).toList();
        assertThat(versions).hasSize(3).doesNotHaveDuplicates().allMatch(v -> v.matches("[0-9a-f]{32}"));
    }

    @Test
    @DisplayName("maxresults sizes the page; nextLink carries $skiptoken and maxresults, and is null at the end")
    void maxResults() {
        for (int i = 0; i < 5; i++) {
            emulator.plantSecret("paged", "v" + i);
        }
        String token = EmulatorClients.accessToken(credential);
        List<String> ids = new ArrayList<>();
        String url = emulator.vaultUrl() + "/secrets/paged/versions?api-version=7.5&maxresults=2";
        int pages = 0;
        while (url != null) {
            JsonNode body = raw.get(url, token).json();
            body.path("value").forEach(item -> ids.add(item.path("id").asText()));
            JsonNode next = body.get("nextLink");
            assertThat(next).as("nextLink is always present, null on the last page").isNotNull();
            url = next.isNull() ? null : next.asText();
            if (url != null) {
                assertThat(url).contains("$skiptoken=").contains("maxresults=2").contains("api-version=7.5");
            }
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();

        RawHttp.Reply tooMany = raw.get(emulator.vaultUrl() + "/secrets?api-version=7.5&maxresults=26", token);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("error").path("code").asText()).isEqualTo("BadParameter");
    }

    @Test
    @DisplayName("update (PATCH) changes tags, content type and enabled; a disabled secret cannot be read")
    void update() {
        KeyVaultSecret secret = client.setSecret("patched", "value");
        SecretProperties properties = secret.getProperties()
                .setTags(Map.of("rotated", "yes"))
                .setContentType("application/json")
                .setEnabled(false);

        SecretProperties updated = client.updateSecretProperties(properties);

        assertThat(updated.getTags()).containsExactly(Map.entry("rotated", "yes"));
        assertThat(updated.getContentType()).isEqualTo("application/json");
        assertThat(updated.isEnabled()).isFalse();
        assertThat(updated.getVersion()).isEqualTo(secret.getProperties().getVersion());
        assertThatThrownBy(() -> client.getSecret("patched"))
                .isInstanceOf(HttpResponseException.class)
                .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(403))
                .hasMessageContaining("SecretDisabled");

        client.updateSecretProperties(updated.setEnabled(true));
        assertThat(client.getSecret("patched").getValue()).isEqualTo("value");
    }

    @Test
    @DisplayName("nbf and exp are stored and returned, not enforced: an expired or not-yet-valid secret is still read")
    void notBeforeAndExpiresAreNotEnforced() {
        java.time.OffsetDateTime past = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(1)
                .withNano(0);
        java.time.OffsetDateTime future = past.plusDays(30);
        KeyVaultSecret expired = new KeyVaultSecret("expired-yesterday", "still-readable");
        expired.getProperties().setExpiresOn(past);
        KeyVaultSecret early = new KeyVaultSecret("valid-next-month", "readable-early");
        early.getProperties().setNotBefore(future);

        client.setSecret(expired);
        client.setSecret(early);

        KeyVaultSecret readExpired = client.getSecret("expired-yesterday");
        assertThat(readExpired.getValue()).isEqualTo("still-readable");
        assertThat(readExpired.getProperties().getExpiresOn()).isEqualTo(past);
        KeyVaultSecret readEarly = client.getSecret("valid-next-month");
        assertThat(readEarly.getValue()).isEqualTo("readable-early");
        assertThat(readEarly.getProperties().getNotBefore()).isEqualTo(future);
    }

    @Test
    @DisplayName("delete is soft: get/list deleted show it, the name is 409 ObjectIsDeletedButRecoverable, recover brings it back")
    void softDeleteAndRecover() {
        client.setSecret("soft", "keep-me");

        DeletedSecret deleted = client.beginDeleteSecret("soft").waitForCompletion().getValue();

        assertThat(deleted.getRecoveryId()).isEqualTo(emulator.vaultUrl() + "/deletedsecrets/soft");
        assertThat(deleted.getDeletedOn()).isNotNull();
        assertThat(Duration.between(deleted.getDeletedOn(), deleted.getScheduledPurgeDate())).isEqualTo(Duration.ofDays(90));
        assertThat(client.getDeletedSecret("soft").getRecoveryId()).isEqualTo(deleted.getRecoveryId());
        assertThat(client.listDeletedSecrets().stream().map(DeletedSecret::getName)).contains("soft");
        assertThatThrownBy(() -> client.getSecret("soft")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.setSecret("soft", "again"))
                .isInstanceOf(HttpResponseException.class)
                .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(409))
                .hasMessageContaining("ObjectIsDeletedButRecoverable")
                .hasMessageContaining("is currently in a deleted but recoverable state");

        client.beginRecoverDeletedSecret("soft").waitForCompletion();

        assertThat(client.getSecret("soft").getValue()).isEqualTo("keep-me");
        assertThatThrownBy(() -> client.getDeletedSecret("soft")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("purge removes a deleted secret for good; the name can then be set again")
    void purge() {
        client.setSecret("purged", "old");
        client.beginDeleteSecret("purged").waitForCompletion();

        client.purgeDeletedSecret("purged");

        assertThatThrownBy(() -> client.getDeletedSecret("purged")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(client.setSecret("purged", "new").getValue()).isEqualTo("new");
        assertThat(client.listPropertiesOfSecretVersions("purged").stream().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("names must match ^[0-9a-zA-Z-]{1,127}$, otherwise 400 BadParameter")
    void nameRules() {
        String longest = "a".repeat(127);
        assertThat(client.setSecret(longest, "ok").getName()).isEqualTo(longest);

        for (String bad : List.of("under_score", "a".repeat(128), "dot.ted")) {
            assertThatThrownBy(() -> client.setSecret(bad, "x"))
                    .as(bad)
                    .isInstanceOf(HttpResponseException.class)
                    .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(400))
                    .hasMessageContaining("BadParameter");
        }
    }

    @Test
    @DisplayName("values up to 25k (25,600 bytes) and up to 15 tags are accepted, more is 400 BadParameter")
    void limits() {
        assertThat(client.setSecret("big", "x".repeat(25_600)).getValue()).hasSize(25_600);
        assertBadParameter(() -> client.setSecret("too-big", "x".repeat(25_601)));

        Map<String, String> fifteen = new HashMap<>();
        for (int i = 0; i < 15; i++) {
            fifteen.put("t" + i, "v");
        }
        KeyVaultSecret tagged = new KeyVaultSecret("tagged", "v");
        tagged.getProperties().setTags(fifteen);
        assertThat(client.setSecret(tagged).getProperties().getTags()).hasSize(15);

        Map<String, String> sixteen = new HashMap<>(fifteen);
        sixteen.put("t15", "v");
        KeyVaultSecret overTagged = new KeyVaultSecret("over-tagged", "v");
        overTagged.getProperties().setTags(sixteen);
        assertBadParameter(() -> client.setSecret(overTagged));
        assertThatThrownBy(() -> client.getSecret("over-tagged")).isInstanceOf(ResourceNotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(value = SecretServiceVersion.class, names = {"V7_4", "V7_5", "V7_6", "V2025_07_01"})
    @DisplayName("the SDK works with each api-version it can send")
    void apiVersions(SecretServiceVersion version) {
        SecretClient versioned = EmulatorClients.secretClient(emulator, http, credential, version);
        String name = "api-" + version.getVersion().replace('.', '-');

        versioned.setSecret(name, version.getVersion());

        assertThat(versioned.getSecret(name).getValue()).isEqualTo(version.getVersion());
        assertThat(versioned.listPropertiesOfSecrets().stream().map(SecretProperties::getName)
                .collect(Collectors.toSet())).contains(name);
    }

    @Test
    @DisplayName("an api-version the service does not know is 400 BadParameter")
    void unknownApiVersion() {
        RawHttp.Reply reply = raw.get(emulator.vaultUrl() + "/secrets?api-version=7.9",
                EmulatorClients.accessToken(credential));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("BadParameter");
        assertThat(reply.json().path("error").path("message").asText())
                .startsWith("The specified version (7.9) is not recognized.");
    }

    @Test
    @DisplayName("the vault also answers on localhost; secret ids follow the host the client used")
    void localhost() {
        SecretClient viaLocalhost = new com.azure.security.keyvault.secrets.SecretClientBuilder()
                .vaultUrl("https://localhost:" + emulator.port())
                .credential(credential)
                .httpClient(http)
                .disableChallengeResourceVerification()
                .buildClient();

        KeyVaultSecret secret = viaLocalhost.setSecret("via-localhost", "v");

        assertThat(secret.getId()).startsWith("https://localhost:" + emulator.port() + "/secrets/via-localhost/");
        assertThat(client.getSecret("via-localhost").getValue()).isEqualTo("v");
    }

    private static void assertBadParameter(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(HttpResponseException.class)
                .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(400))
                .hasMessageContaining("BadParameter");
    }
}
