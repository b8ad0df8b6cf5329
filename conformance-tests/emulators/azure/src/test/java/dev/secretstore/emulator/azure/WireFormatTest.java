package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The exact wire format, checked on raw bytes where the typed SDK would hide a difference: status codes, field
 * presence in SecretBundle / SecretItem / DeletedSecretBundle, and error bodies. Expected values are the REST
 * spec's examples (7.5) and real-service recordings (azure-sdk-for-js), not the emulator's own output.
 */
@DisplayName("Wire format: status codes, body fields and error bodies as the spec and recorded traffic give them")
class WireFormatTest {
    private static final String VERSION_32_HEX = "[0-9a-f]{32}";
    private static final String NOT_FOUND_TAIL = " was not found in this key vault. If you recently deleted this "
            + "secret you may be able to recover it using the correct recovery command. For help resolving this "
            + "issue, please see https://go.microsoft.com/fwlink/?linkid=2125182";

    private static AzureKeyVaultEmulator emulator;
    private static RawHttp raw;
    private static String token;
    private static String vault;

    @BeforeAll
    static void start() {
        emulator = AzureKeyVaultEmulator.builder().start();
        HttpClient http = EmulatorClients.trusting(emulator.certificate());
        raw = new RawHttp(http);
        token = EmulatorClients.accessToken(EmulatorClients.officerCredential(emulator, http));
        vault = emulator.vaultUrl();
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @Test
    @DisplayName("set, get, update, delete, get deleted, recover answer 200; purge 204 with no body")
    void lifecycleStatusesAndShapes() {
        RawHttp.Reply set = put("/secrets/Wire-Shape", "{\"value\":\"s3cret\",\"contentType\":\"text/plain\","
                + "\"tags\":{\"k\":\"v\"},\"attributes\":{}}");
        assertThat(set.status()).isEqualTo(200);
        JsonNode bundle = set.json();
        assertThat(fieldNames(bundle)).containsExactlyInAnyOrder("value", "contentType", "id", "attributes", "tags");
        assertThat(bundle.path("value").asText()).isEqualTo("s3cret");
        assertThat(bundle.path("id").asText()).matches(vault + "/secrets/Wire-Shape/" + VERSION_32_HEX);
        assertThat(bundle.path("tags").path("k").asText()).isEqualTo("v");
        assertAttributes(bundle.path("attributes"));

        RawHttp.Reply get = raw.get(vault + "/secrets/wire-shape/?api-version=7.5", token);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().path("id").asText()).isEqualTo(bundle.path("id").asText());
        assertThat(get.json().path("value").asText()).isEqualTo("s3cret");

        RawHttp.Reply update = raw.send(HttpMethod.PATCH, vault + "/secrets/Wire-Shape/?api-version=7.5", token,
                "{\"tags\":{\"k\":\"w\"}}", "application/json");
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.json().has("value")).as("UpdateSecret returns no value").isFalse();
        assertThat(update.json().path("tags").path("k").asText()).isEqualTo("w");

        RawHttp.Reply delete = raw.send(HttpMethod.DELETE, vault + "/secrets/Wire-Shape?api-version=7.5", token,
                null, null);
        assertThat(delete.status()).isEqualTo(200);
        assertDeletedBundle(delete.json(), "Wire-Shape");
        assertThat(delete.json().path("id").asText()).isEqualTo(bundle.path("id").asText());

        RawHttp.Reply getDeleted = raw.get(vault + "/deletedsecrets/Wire-Shape?api-version=7.5", token);
        assertThat(getDeleted.status()).isEqualTo(200);
        assertDeletedBundle(getDeleted.json(), "Wire-Shape");

        RawHttp.Reply recover = raw.send(HttpMethod.POST, vault + "/deletedsecrets/Wire-Shape/recover?api-version=7.5",
                token, null, null);
        assertThat(recover.status()).isEqualTo(200);
        assertThat(recover.json().has("value")).as("RecoverDeletedSecret returns no value").isFalse();
        assertThat(recover.json().path("id").asText()).isEqualTo(bundle.path("id").asText());

        raw.send(HttpMethod.DELETE, vault + "/secrets/Wire-Shape?api-version=7.5", token, null, null);
        RawHttp.Reply purge = raw.send(HttpMethod.DELETE, vault + "/deletedsecrets/Wire-Shape?api-version=7.5",
                token, null, null);
        assertThat(purge.status()).isEqualTo(204);
        assertThat(purge.body()).isEmpty();
    }

    @Test
    @DisplayName("SecretItem in lists: no value; id without version in GetSecrets, with it in GetSecretVersions")
    void listItems() {
        emulator.plantSecret(PlantedSecret.builder("listed", "never-in-a-list").contentType("text/plain").build());

        JsonNode list = raw.get(vault + "/secrets?api-version=7.5", token).json();
        JsonNode item = find(list.path("value"), vault + "/secrets/listed");
        assertThat(fieldNames(item)).containsExactlyInAnyOrder("id", "attributes", "contentType");
        assertAttributes(item.path("attributes"));
        assertThat(list.get("nextLink")).isNotNull();
        assertThat(list.get("nextLink").isNull()).isTrue();

        JsonNode versions = raw.get(vault + "/secrets/listed/versions?api-version=7.5", token).json();
        assertThat(versions.path("value")).hasSize(1);
        JsonNode version = versions.path("value").get(0);
        assertThat(version.has("value")).isFalse();
        assertThat(version.path("id").asText()).matches(vault + "/secrets/listed/" + VERSION_32_HEX);

        raw.send(HttpMethod.DELETE, vault + "/secrets/listed?api-version=7.5", token, null, null);
        JsonNode deleted = find(raw.get(vault + "/deletedsecrets?api-version=7.5", token).json().path("value"),
                vault + "/secrets/listed");
        assertThat(fieldNames(deleted)).containsExactlyInAnyOrder("recoveryId", "deletedDate", "scheduledPurgeDate",
                "id", "attributes", "contentType");
        assertThat(deleted.path("recoveryId").asText()).isEqualTo(vault + "/deletedsecrets/listed");
    }

    @Test
    @DisplayName("maxresults must be 1-25; the versions of an unknown name are an empty page, not a 404")
    void pagingBounds() {
        for (int i = 0; i < 3; i++) {
            emulator.plantSecret("bounded", "v" + i);
        }
        for (String bad : List.of("0", "26", "x")) {
            RawHttp.Reply reply = raw.get(vault + "/secrets/bounded/versions?api-version=7.5&maxresults=" + bad, token);
            assertThat(reply.status()).as("maxresults=" + bad).isEqualTo(400);
            assertThat(reply.json().path("error").path("code").asText()).isEqualTo("BadParameter");
        }
        assertThat(raw.get(vault + "/secrets/bounded/versions?api-version=7.5&maxresults=1", token).json()
                .path("value")).hasSize(1);
        assertThat(raw.get(vault + "/secrets/bounded/versions?api-version=7.5&maxresults=25", token).json()
                .path("value")).hasSize(3);

        RawHttp.Reply unknown = raw.get(vault + "/secrets/never-existed/versions?api-version=7.5", token);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo("{\"value\":[],\"nextLink\":null}");
    }

    @Test
    @DisplayName("404 bodies: SecretNotFound on the live side and on recover, 'Deleted Secret not found: x' for a deleted one")
    void notFoundBodies() {
        assertError(raw.get(vault + "/secrets/absent/?api-version=7.5", token), 404, "SecretNotFound",
                "A secret with (name/id) absent" + NOT_FOUND_TAIL, null);
        assertError(raw.send(HttpMethod.DELETE, vault + "/secrets/absent?api-version=7.5", token, null, null), 404,
                "SecretNotFound", "A secret with (name/id) absent" + NOT_FOUND_TAIL, null);
        assertError(raw.send(HttpMethod.POST, vault + "/deletedsecrets/absent/recover?api-version=7.5", token, null,
                null), 404, "SecretNotFound", "A secret with (name/id) absent" + NOT_FOUND_TAIL, null);
        assertError(raw.get(vault + "/deletedsecrets/absent?api-version=7.5", token), 404, "SecretNotFound",
                "Deleted Secret not found: absent", null);
    }

    @Test
    @DisplayName("409 on a soft-deleted name, in any letter case, with the service's body")
    void conflictOnDeletedName() {
        assertThat(put("/secrets/Case-Kept", "{\"value\":\"v\"}").status()).isEqualTo(200);
        raw.send(HttpMethod.DELETE, vault + "/secrets/case-kept?api-version=7.5", token, null, null);

        RawHttp.Reply reply = put("/secrets/CASE-KEPT", "{\"value\":\"again\"}");

        assertError(reply, 409, "Conflict", "Secret Case-Kept is currently in a deleted but recoverable state, and "
                + "its name cannot be reused; in this state, the secret can only be recovered or purged.",
                "ObjectIsDeletedButRecoverable");
    }

    @Test
    @DisplayName("limits: 25,601 bytes and 16 tags are 400 BadParameter; nothing is stored")
    void limits() {
        RawHttp.Reply tooBig = put("/secrets/too-big", "{\"value\":\"" + "x".repeat(25_601) + "\"}");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().path("error").path("code").asText()).isEqualTo("BadParameter");

        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            tags.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":\"v\"");
        }
        RawHttp.Reply tooManyTags = put("/secrets/too-tagged", "{\"value\":\"v\",\"tags\":{" + tags + "}}");
        assertError(tooManyTags, 400, "BadParameter", "Property has invalid value\r\n", null);

        assertThat(raw.get(vault + "/secrets/too-big/?api-version=7.5", token).status()).isEqualTo(404);
        assertThat(raw.get(vault + "/secrets/too-tagged/?api-version=7.5", token).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("an invalid name is 400 BadParameter 'The request URI contains an invalid name: x'")
    void invalidName() {
        assertError(put("/secrets/under_score", "{\"value\":\"v\"}"), 400, "BadParameter",
                "The request URI contains an invalid name: under_score", null);
    }

    @Test
    @DisplayName("every api-version the SDKs send is accepted (7.0-7.6, 2025-07-01; 2026-04-01 from the JS SDK)")
    void apiVersions() {
        for (String version : List.of("7.0", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "2025-07-01", "2026-04-01")) {
            assertThat(raw.get(vault + "/secrets?api-version=" + version, token).status()).as(version).isEqualTo(200);
        }
    }

    private static RawHttp.Reply put(String path, String json) {
        return raw.send(HttpMethod.PUT, vault + path + "?api-version=7.5", token, json, "application/json");
    }

    private static void assertAttributes(JsonNode attributes) {
        assertThat(fieldNames(attributes)).containsExactlyInAnyOrder("enabled", "created", "updated", "recoveryLevel",
                "recoverableDays");
        assertThat(attributes.path("enabled").isBoolean()).isTrue();
        assertThat(attributes.path("created").isIntegralNumber()).as("epoch seconds").isTrue();
        assertThat(attributes.path("updated").isIntegralNumber()).as("epoch seconds").isTrue();
        assertThat(attributes.path("created").asLong()).isBetween(1_700_000_000L, 10_000_000_000L);
        assertThat(attributes.path("recoveryLevel").asText()).isEqualTo("Recoverable+Purgeable");
        assertThat(attributes.path("recoverableDays").asInt()).isEqualTo(90);
    }

    private static void assertDeletedBundle(JsonNode body, String name) {
        assertThat(body.has("value")).as("a deleted secret's value is not returned").isFalse();
        assertThat(body.has("kid")).isFalse();
        assertThat(body.has("managed")).isFalse();
        assertThat(body.path("recoveryId").asText()).isEqualTo(vault + "/deletedsecrets/" + name);
        assertThat(body.path("id").asText()).matches(vault + "/secrets/" + name + "/" + VERSION_32_HEX);
        long deleted = body.path("deletedDate").asLong();
        assertThat(body.path("deletedDate").isIntegralNumber()).isTrue();
        assertThat(body.path("scheduledPurgeDate").asLong() - deleted).isEqualTo(90L * 86_400);
        assertAttributes(body.path("attributes"));
    }

    private static void assertError(RawHttp.Reply reply, int status, String code, String message, String innerCode) {
        assertThat(reply.status()).isEqualTo(status);
        JsonNode error = reply.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isEqualTo(message);
        if (innerCode == null) {
            assertThat(error.has("innererror")).isFalse();
        } else {
            assertThat(error.path("innererror").path("code").asText()).isEqualTo(innerCode);
        }
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item with id " + id + " in " + items);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
