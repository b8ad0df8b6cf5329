package dev.secretstore.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Update: changed secrets get the next version, unchanged ones no request, old versions go only on commit")
class UpdateTest {

    private static final JsonNode SPEC = Json.resource("specs/source-postgres.json");
    private static final SecretScope SCOPE = SecretScope.organization("acme");

    private static JsonNode config(String password, String tunnelPassword) {
        return Json.parse("""
                {"host": "db", "port": 5432, "database": "app", "username": "u", "password": "%s",
                 "tunnel_method": {"tunnel_method": "SSH_PASSWORD_AUTH", "tunnel_host": "b", "tunnel_port": 22,
                                   "tunnel_user": "j", "tunnel_user_password": "%s"}}""".formatted(password, tunnelPassword));
    }

    @Test
    @DisplayName("masks and references sent back: no request at all, nothing to commit")
    void maskedUpdateIsFree() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(SPEC, config("p1", "t1"), SCOPE);
            JsonNode edited = ConfigMasker.mask(SPEC, config("p1", "t1"));
            ((ObjectNode) edited).put("host", "db2");
            ((ObjectNode) edited.get("tunnel_method")).set("tunnel_user_password", saved.at("/tunnel_method/tunnel_user_password"));
            int before = memory.requests();
            PreparedUpdate update = secrets.prepareUpdate(SPEC, saved, edited, SCOPE);
            assertThat(memory.requests()).isEqualTo(before);
            assertThat(update.isNoop()).isTrue();
            assertThat(update.config().get("host").textValue()).isEqualTo("db2");
            assertThat(update.config().get("password")).isEqualTo(saved.get("password"));
            assertThat(secrets.commit(update)).isEmpty();
            assertThat(memory.requests()).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("the same values sent in full: one batched read to compare, no write")
    void unchangedValuesAreNotRewritten() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(SPEC, config("p1", "t1"), SCOPE);
            int writes = memory.writes.get();
            int reads = memory.batchReads.get();
            PreparedUpdate update = secrets.prepareUpdate(SPEC, saved, config("p1", "t1"), SCOPE);
            assertThat(memory.writes.get()).isEqualTo(writes);
            assertThat(memory.batchReads.get() - reads).isEqualTo(1);
            assertThat(update.isNoop()).isTrue();
            assertThat(update.config()).isEqualTo(saved);
        }
    }

    @Test
    @DisplayName("a changed password: next version written, old one kept until commit, then deleted")
    void changedSecretTwoPhase() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(SPEC, config("p1", "t1"), SCOPE);
            SecretCoordinate old = SecretCoordinate.parse(saved.at("/password/_secret").textValue()).orElseThrow();

            PreparedUpdate update = secrets.prepareUpdate(SPEC, saved, config("p2", "t1"), SCOPE);
            SecretCoordinate next = SecretCoordinate.parse(update.config().at("/password/_secret").textValue()).orElseThrow();
            assertThat(next).isEqualTo(old.next());
            assertThat(next.toString()).startsWith("airbyte_organization_acme_secret_").endsWith("_v2");
            assertThat(update.written()).containsExactly(new StoredSecret(next, null));
            assertThat(update.superseded()).containsExactly(new StoredSecret(old, null));
            assertThat(update.config().at("/tunnel_method/tunnel_user_password")).isEqualTo(saved.at("/tunnel_method/tunnel_user_password"));
            assertThat(secrets.hydrate(saved)).as("the old config still hydrates before commit").isEqualTo(config("p1", "t1"));
            assertThat(secrets.hydrate(update.config())).isEqualTo(config("p2", "t1"));

            assertThat(secrets.commit(update)).containsExactly(new StoredSecret(old, null));
            assertThat(memory.names()).doesNotContain(old.name()).contains(next.name());
            assertThat(secrets.commit(update)).as("commit again: idempotent").isEmpty();
            assertThat(secrets.hydrate(update.config())).isEqualTo(config("p2", "t1"));
        }
    }

    @Test
    @DisplayName("abort deletes what prepare wrote and leaves the old config whole")
    void abort() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(SPEC, config("p1", "t1"), SCOPE);
            var names = memory.names();
            PreparedUpdate update = secrets.prepareUpdate(SPEC, saved, config("p2", "t2"), SCOPE);
            assertThat(update.written()).hasSize(2);
            secrets.abort(update);
            assertThat(memory.names()).isEqualTo(names);
            assertThat(secrets.hydrate(saved)).isEqualTo(config("p1", "t1"));
        }
    }

    @Test
    @DisplayName("switching the tunnel branch supersedes the secrets of the branch left")
    void branchSwitch() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(SPEC, config("p1", "t1"), SCOPE);
            JsonNode noTunnel = Json.parse("""
                    {"host": "db", "port": 5432, "database": "app", "username": "u", "password": "**********",
                     "tunnel_method": {"tunnel_method": "NO_TUNNEL"}}""");
            PreparedUpdate update = secrets.prepareUpdate(SPEC, saved, noTunnel, SCOPE);
            assertThat(update.written()).isEmpty();
            assertThat(update.superseded()).extracting(s -> s.coordinate().toString())
                    .containsExactly(saved.at("/tunnel_method/tunnel_user_password/_secret").textValue());
            secrets.commit(update);
            assertThat(memory.names()).hasSize(1);
        }
    }

    @Test
    @DisplayName("a next version left behind by a dead update is never overwritten: the one after is used")
    void takenNextVersion() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(SPEC, config("p1", "t1"), SCOPE);
            SecretCoordinate old = SecretCoordinate.parse(saved.at("/password/_secret").textValue()).orElseThrow();
            store.create(old.next().name(), SecretValue.ofText("left by a crash"));
            PreparedUpdate update = secrets.prepareUpdate(SPEC, saved, config("p2", "t1"), SCOPE);
            assertThat(update.config().at("/password/_secret").textValue()).isEqualTo(old.next().next().toString());
            assertThat(store.read(old.next().name()).value().text()).isEqualTo("left by a crash");
            assertThat(secrets.hydrate(update.config()).get("password").textValue()).isEqualTo("p2");
        }
    }

    @Test
    @DisplayName("a mask where the previous config had no secret is refused, naming the path only")
    void maskWithoutPrevious() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(SPEC, Json.parse("""
                    {"host": "db", "port": 5432, "database": "app", "username": "u", "tunnel_method": {"tunnel_method": "NO_TUNNEL"}}"""),
                    SCOPE);
            int before = memory.requests();
            assertThatThrownBy(() -> secrets.prepareUpdate(SPEC, saved, config("**********", "new-tunnel-pass"), SCOPE))
                    .isInstanceOf(ConnectionConfigException.class)
                    .hasMessageContaining("$.password").hasMessageNotContaining("new-tunnel-pass");
            assertThat(memory.requests()).as("refused before any request").isEqualTo(before);
        }
    }

    @Test
    @DisplayName("a failed write deletes what the same call already wrote")
    void failedWriteCleansUp() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode tooBig = config("p1", "x".repeat(70_000));
            assertThatThrownBy(() -> secrets.create(SPEC, tooBig, SCOPE)).isInstanceOf(dev.secretstore.SecretTooLargeException.class);
            assertThat(memory.names()).isEmpty();
        }
    }

    @Test
    @DisplayName("an empty secret stays in place (nothing to store), is masked, and a masked empty secret stays empty")
    void emptySecret() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(SPEC, config("", "t1"), SCOPE);
            assertThat(saved.get("password").textValue()).isEmpty();
            assertThat(memory.names()).hasSize(1);
            assertThat(secrets.hydrate(saved)).isEqualTo(config("", "t1"));
            JsonNode masked = ConfigMasker.mask(SPEC, config("", "t1"));
            assertThat(masked.get("password").textValue()).isEqualTo("**********");
            PreparedUpdate update = secrets.prepareUpdate(SPEC, saved, masked, SCOPE);
            assertThat(update.isNoop()).isTrue();
            assertThat(update.config()).isEqualTo(saved);
            PreparedUpdate set = secrets.prepareUpdate(SPEC, saved, config("now-set", "t1"), SCOPE);
            assertThat(set.config().at("/password/_secret").textValue()).endsWith("_v1");
            assertThat(secrets.hydrate(set.config())).isEqualTo(config("now-set", "t1"));
        }
    }
}
