package dev.secretstore.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Hydration reads every reference in one batch per store and reports every failure at once")
class HydrationTest {

    private static final JsonNode SPEC = Json.resource("specs/source-google-ads.json");
    private static final SecretScope SCOPE = SecretScope.workspace("ws-1");

    private static JsonNode config(int n) {
        return Json.parse("""
                {"credentials": {"developer_token": "dev-%1$d", "client_id": "client-%1$d",
                 "client_secret": "secret-%1$d", "refresh_token": "refresh-%1$d"}, "customer_id": "1234567890"}"""
                .formatted(n));
    }

    @Test
    @DisplayName("1,000 configs of 3 secrets hydrated together cost ⌈3,000 / 20⌉ = 150 batch requests")
    void manyConfigsShareBatches() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            List<JsonNode> full = new ArrayList<>();
            List<JsonNode> saved = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                full.add(config(i));
                saved.add(secrets.create(SPEC, full.get(i), SCOPE));
            }
            int before = memory.requests();
            List<JsonNode> hydrated = secrets.hydrateAll(saved);
            assertThat(hydrated).isEqualTo(full);
            assertThat(memory.requests() - before).isEqualTo((3000 + MemoryProvider.BATCH_SIZE - 1) / MemoryProvider.BATCH_SIZE);

            int single = memory.requests();
            assertThat(secrets.hydrate(saved.get(7))).isEqualTo(full.get(7));
            assertThat(memory.requests() - single).as("one config of 3 secrets: one batch").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a reference shared by several configs is read once")
    void sharedReferenceReadOnce() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(SPEC, config(1), SCOPE);
            List<JsonNode> copies = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                copies.add(saved);
            }
            int before = memory.requests();
            assertThat(secrets.hydrateAll(copies)).allSatisfy(c -> assertThat(c).isEqualTo(config(1)));
            assertThat(memory.requests() - before).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("every missing reference is listed with its config and path, and no partial config comes back")
    void missingReferencesListedTogether() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.builder().defaultStore(store).store("org-eu", store).build();
            JsonNode first = secrets.create(SPEC, config(1), SCOPE);
            JsonNode second = secrets.create(SPEC, config(2), SCOPE);
            String clientSecret = first.at("/credentials/client_secret/_secret").textValue();
            String refresh = second.at("/credentials/refresh_token/_secret").textValue();
            store.delete(SecretName.of(clientSecret));
            store.delete(SecretName.of(refresh));
            ((ObjectNode) second.get("credentials")).set("developer_token",
                    Json.parse("{\"_secret\": \"airbyte_workspace_ws-1_secret_00000000-0000-4000-8000-000000000000_v1\","
                            + " \"_secret_storage_id\": \"org-us\"}"));

            assertThatThrownBy(() -> secrets.hydrateAll(List.of(first, second)))
                    .isInstanceOfSatisfying(HydrationException.class, e -> {
                        assertThat(e.problems()).extracting(HydrationProblem::toString).containsExactlyInAnyOrder(
                                "config[0] $.credentials.client_secret -> " + clientSecret + ": not found",
                                "config[1] $.credentials.developer_token -> airbyte_workspace_ws-1_secret_"
                                        + "00000000-0000-4000-8000-000000000000_v1 in store 'org-us': no store with id 'org-us' is configured",
                                "config[1] $.credentials.refresh_token -> " + refresh + ": not found");
                        assertThat(e.getMessage()).startsWith("3 secret references could not be read")
                                .contains("$.credentials.client_secret").doesNotContain("secret-1", "dev-2", "refresh-2");
                    });
            assertThatThrownBy(() -> secrets.hydrate(first)).isInstanceOfSatisfying(HydrationException.class,
                    e -> assertThat(e.problems()).singleElement().hasToString(
                            "$.credentials.client_secret -> " + clientSecret + ": not found"));
        }
    }

    @Test
    @DisplayName("references name their store: each store is read with its own batch")
    void severalStores() {
        MemoryProvider eu = MemoryProvider.withTags();
        MemoryProvider us = MemoryProvider.withTags();
        try (SecretStore euStore = eu.open(); SecretStore usStore = us.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.builder().store("org-eu", euStore).store("org-us", usStore).build();
            JsonNode inEu = secrets.create(SPEC, config(1), SCOPE, "org-eu");
            JsonNode inUs = secrets.create(SPEC, config(2), SCOPE, "org-us");
            assertThat(inEu.at("/credentials/client_secret/_secret_storage_id").textValue()).isEqualTo("org-eu");
            assertThat(eu.names()).hasSize(3);
            assertThat(us.names()).hasSize(3);
            int euBefore = eu.batchReads.get();
            int usBefore = us.batchReads.get();
            assertThat(secrets.hydrateAll(List.of(inEu, inUs))).containsExactly(config(1), config(2));
            assertThat(eu.batchReads.get() - euBefore).isEqualTo(1);
            assertThat(us.batchReads.get() - usBefore).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("secret_coordinate::<name> is read from the store but never written; non-text secrets come back as JSON")
    void externalAndJsonSecrets() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            store.put(SecretName.of("team/ads/developer-token"), SecretValue.ofText("external-dev-token"));
            int names = memory.names().size();
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode spec = Json.parse("""
                    {"type": "object", "properties": {
                      "token": {"type": "string", "airbyte_secret": true},
                      "service_account": {"type": "object", "airbyte_secret": true}}}""");
            JsonNode config = Json.parse("""
                    {"token": "secret_coordinate::team/ads/developer-token",
                     "service_account": {"type": "service_account", "private_key": "pk", "n": [1, 2.5, true, null]}}""");
            JsonNode saved = secrets.create(spec, config, SCOPE);
            assertThat(saved.get("token")).isEqualTo(Json.parse(
                    "{\"_secret\": \"team/ads/developer-token\", \"_secret_external\": true}"));
            assertThat(saved.get("service_account").get("_secret_json").booleanValue()).isTrue();
            assertThat(memory.names()).hasSize(names + 1);
            JsonNode full = secrets.hydrate(saved);
            assertThat(full.get("token").textValue()).isEqualTo("external-dev-token");
            assertThat(full.get("service_account")).isEqualTo(config.get("service_account"));

            secrets.delete(saved);
            assertThat(memory.names()).containsExactly(SecretName.of("team/ads/developer-token"));
        }
    }

    @Test
    @DisplayName("a name the store cannot hold fails that reference only; the others are still read")
    void nameTheStoreRefuses() {
        MemoryProvider memory = MemoryProvider.withTags().refusingSlashes();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(SPEC, config(1), SCOPE);
            ((ObjectNode) saved.get("credentials")).set("access_token",
                    Json.parse("{\"_secret\": \"team/ads/token\", \"_secret_external\": true}"));
            assertThatThrownBy(() -> secrets.hydrate(saved)).isInstanceOfSatisfying(HydrationException.class, e ->
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.path()).hasToString("$.credentials.access_token");
                        assertThat(p.reason()).contains("no '/'");
                    }));
        }
    }

    @Test
    @DisplayName("a store that cannot be reached fails every reference it holds, listed with the store's reason")
    void unreachableStore() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            List<JsonNode> saved = List.of(secrets.create(SPEC, config(1), SCOPE), secrets.create(SPEC, config(2), SCOPE));
            memory.unreachable(true);
            assertThatThrownBy(() -> secrets.hydrateAll(saved)).isInstanceOfSatisfying(HydrationException.class, e -> {
                assertThat(e.problems()).hasSize(6).allSatisfy(p -> assertThat(p.reason()).contains("connection refused"));
                assertThat(e.problems()).extracting(HydrationProblem::configIndex).containsOnly(0, 1);
            });
        }
    }
}
