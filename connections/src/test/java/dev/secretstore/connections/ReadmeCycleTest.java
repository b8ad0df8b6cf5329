package dev.secretstore.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.SecretStores;
import dev.secretstore.local.LocalSecretStoreProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The README's whole cycle runs as written")
class ReadmeCycleTest {

    /** The platform's database, as the README's {@code db} stands for it. */
    static final class Db {
        final Map<String, JsonNode> rows = new LinkedHashMap<>();

        void save(String id, JsonNode config) {
            rows.put(id, config.deepCopy());
        }

        JsonNode load(String id) {
            return rows.get(id).deepCopy();
        }

        List<JsonNode> loadAll() {
            return new ArrayList<>(rows.values());
        }

        void delete(String id) {
            rows.remove(id);
        }
    }

    @Test
    @DisplayName("create, hydrate, hydrateAll, mask, prepare/persist/commit, delete, sweep dry run")
    void cycle(@TempDir Path tmp) {
        JsonNode spec = Json.resource("specs/source-google-ads.json");
        JsonNode config = Json.parse("""
                {"credentials": {"developer_token": "d", "client_id": "c", "client_secret": "s", "refresh_token": "r"},
                 "customer_id": "1234567890"}""");
        JsonNode edited = config.deepCopy();
        ((ObjectNode) edited.get("credentials")).put("refresh_token", "r2");
        Db db = new Db();
        String id = "conn-1";
        String workspaceId = "9b2f6a5e-3c1d-4e8f-a0b7-5d6c4e3f2a10";
        List<String> printed = new ArrayList<>();

        try (var store = SecretStores.open(new LocalSecretStoreProvider(), LocalStores.config(tmp))) {
            // ---- as in the README ----
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            SecretScope scope = SecretScope.workspace(workspaceId);
            JsonNode saved = secrets.create(spec, config, scope);
            db.save(id, saved);
            JsonNode full = secrets.hydrate(db.load(id));
            List<JsonNode> many = secrets.hydrateAll(db.loadAll());
            printed.add("config " + ConnectionSecrets.mask(spec, full));
            PreparedUpdate update = secrets.prepareUpdate(spec, db.load(id), edited, scope);
            db.save(id, update.config());
            secrets.commit(update);
            JsonNode afterUpdate = db.load(id);
            db.delete(id); secrets.delete(afterUpdate);
            secrets.sweeper(null, Duration.ofHours(1)).sweep(ConnectionSecrets.liveCoordinates(db.loadAll()), true)
                    .lines().forEach(printed::add);
            // ---- checks ----
            assertThat(full).isEqualTo(config);
            assertThat(many).containsExactly(config);
            assertThat(update.written()).hasSize(1);
            assertThatThrownBy(() -> secrets.hydrate(afterUpdate)).as("deleted with its config")
                    .isInstanceOfSatisfying(HydrationException.class, e -> assertThat(e.problems()).hasSize(3));
        }
        assertThat(printed.get(0)).contains("**********").doesNotContain("\"s\"", "\"r\"");
        assertThat(printed.get(printed.size() - 1)).isEqualTo("dry run: 0 orphaned of 0 examined; 0 unreferenced kept within the grace period");
    }
}
