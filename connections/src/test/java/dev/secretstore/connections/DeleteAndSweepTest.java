package dev.secretstore.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Delete removes exactly a config's managed secrets; the sweeper removes orphans and nothing else")
class DeleteAndSweepTest {

    private static final JsonNode SPEC = Json.resource("specs/destination-s3.json");
    private static final SecretScope SCOPE = SecretScope.workspace("ws-9");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static JsonNode config(String n) {
        return Json.parse("""
                {"access_key_id": "AKIA%1$s", "secret_access_key": "sak-%1$s", "s3_bucket_name": "b", "s3_bucket_path": "p",
                 "s3_bucket_region": "", "format": {"format_type": "Parquet"}}""".formatted(n));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    @DisplayName("delete: the config's two managed secrets go, an external reference and other configs' secrets stay")
    void deleteExactly() {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            store.put(SecretName.of("customer/s3-key-id"), SecretValue.ofText("AKIACUSTOMER"));
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode withExternal = config("1");
            ((com.fasterxml.jackson.databind.node.ObjectNode) withExternal).put("access_key_id", "secret_coordinate::customer/s3-key-id");
            JsonNode first = secrets.create(SPEC, withExternal, SCOPE);
            JsonNode second = secrets.create(SPEC, config("2"), SCOPE);
            assertThat(memory.names()).hasSize(4);

            List<StoredSecret> deleted = secrets.delete(first);
            assertThat(deleted).extracting(s -> s.coordinate().toString())
                    .containsExactly(first.at("/secret_access_key/_secret").textValue());
            assertThat(memory.names()).hasSize(3).contains(SecretName.of("customer/s3-key-id"));
            assertThat(secrets.hydrate(second)).isEqualTo(config("2"));
            assertThat(secrets.delete(first)).as("again: nothing left to delete").isEmpty();
        }
    }

    @Test
    @DisplayName("the sweeper deletes unreferenced secrets past the grace period; a dry run lists them and deletes nothing")
    void sweepOrphans() {
        MemoryProvider memory = MemoryProvider.withTags();
        memory.clock(at(T0));
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode live = secrets.create(SPEC, config("live"), SCOPE);
            JsonNode orphaned = secrets.create(SPEC, config("gone"), SCOPE);   // its config was never persisted
            memory.clock(at(T0.plus(Duration.ofMinutes(50))));
            JsonNode inFlight = secrets.create(SPEC, config("young"), SCOPE);  // an update not yet persisted
            memory.plantUnmanaged(SecretName.of("airbyte_workspace_ws-9_secret_00000000-0000-4000-8000-000000000001_v1"),
                    "not ours", T0.minus(Duration.ofDays(30)));
            Set<String> liveSet = ConnectionSecrets.liveCoordinates(List.of(live));

            OrphanSweeper sweeper = OrphanSweeper.builder(store).grace(Duration.ofMinutes(30))
                    .clock(at(T0.plus(Duration.ofHours(1)))).build();
            SweepReport dry = sweeper.sweep(liveSet, true);
            List<String> orphanNames = List.of(orphaned.at("/access_key_id/_secret").textValue(),
                    orphaned.at("/secret_access_key/_secret").textValue());
            assertThat(dry.orphans()).extracting(SweptSecret::name).containsExactlyInAnyOrderElementsOf(orphanNames);
            assertThat(dry.orphans()).allSatisfy(o -> assertThat(o.outcome()).isEqualTo(SweptSecret.Outcome.WOULD_DELETE));
            assertThat(dry.young()).isEqualTo(2);
            assertThat(dry.examined()).isEqualTo(6);
            assertThat(dry.lines()).hasSize(3).first().asString()
                    .startsWith("would delete airbyte_workspace_ws-9_secret_").contains("unreferenced, created 2026-01-01T00:00:00Z");
            assertThat(dry.lines().get(2)).isEqualTo("dry run: 2 orphaned of 6 examined; 2 unreferenced kept within the grace period");
            assertThat(memory.names()).hasSize(7);

            SweepReport real = sweeper.sweep(liveSet, false);
            assertThat(real.orphans()).extracting(SweptSecret::outcome).containsOnly(SweptSecret.Outcome.DELETED);
            assertThat(memory.names()).hasSize(5).doesNotContainAnyElementsOf(orphanNames.stream().map(SecretName::of).toList())
                    .contains(SecretName.of("airbyte_workspace_ws-9_secret_00000000-0000-4000-8000-000000000001_v1"));
            assertThat(secrets.hydrate(live)).isEqualTo(config("live"));
            assertThat(secrets.hydrate(inFlight)).isEqualTo(config("young"));
        }
    }

    @Test
    @DisplayName("short-lived secrets on a store with tags: deleted once expired, even within the grace period")
    void shortLivedWithExpiryTag() {
        MemoryProvider memory = MemoryProvider.withTags();
        memory.clock(at(T0));
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.builder().defaultStore(store).clock(at(T0)).build();
            JsonNode check = secrets.createShortLived(SPEC, config("check"), SCOPE, null, Duration.ofMinutes(10));
            String name = check.at("/secret_access_key/_secret").textValue();
            assertThat(store.describe(SecretName.of(name)).tags())
                    .containsEntry(ConnectionSecrets.EXPIRES_AT_TAG, Long.toString(T0.plusSeconds(600).getEpochSecond()));
            assertThat(secrets.hydrate(check)).isEqualTo(config("check"));

            OrphanSweeper.Builder sweeper = OrphanSweeper.builder(store).grace(Duration.ofDays(1));
            assertThat(sweeper.clock(at(T0.plusSeconds(599))).build().sweep(Set.of(), false).orphans()).isEmpty();
            SweepReport after = sweeper.clock(at(T0.plusSeconds(600))).build().sweep(Set.of(), false);
            assertThat(after.orphans()).hasSize(2).allSatisfy(o -> assertThat(o.reason()).contains("short-lived, expired"));
            assertThat(memory.names()).isEmpty();
        }
    }

    @Test
    @DisplayName("short-lived secrets on a store with EXPIRY: the expiry is part of the creation, the tag is a backstop")
    void shortLivedWithNativeExpiry() {
        Instant now = Instant.now();
        MemoryProvider memory = MemoryProvider.withTagsAndExpiry();
        memory.clock(at(now));
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.builder().defaultStore(store).clock(at(now)).build();
            JsonNode check = secrets.createShortLived(SPEC, config("check"), SCOPE, null, Duration.ofMinutes(10));
            var meta = store.describe(SecretName.of(check.at("/secret_access_key/_secret").textValue()));
            assertThat(meta.expiresAt()).contains(now.plus(Duration.ofMinutes(10)));
            assertThat(meta.tags()).containsEntry(ConnectionSecrets.EXPIRES_AT_TAG,
                    Long.toString(now.plus(Duration.ofMinutes(10)).getEpochSecond()));
            OrphanSweeper.Builder sweeper = OrphanSweeper.builder(store).grace(Duration.ZERO);
            assertThat(sweeper.clock(at(now.plus(Duration.ofMinutes(9)))).build().sweep(Set.of(), false).orphans())
                    .as("not yet expired: the store will delete it, the sweeper keeps it even past the grace period").isEmpty();
            assertThat(sweeper.clock(at(now.plus(Duration.ofMinutes(10)))).build().sweep(Set.of(), false).orphans()).hasSize(2);
        }
    }

    @Test
    @DisplayName("short-lived secrets on a store without tags: no expiry recorded, the grace period removes them")
    void shortLivedWithoutTags() {
        MemoryProvider memory = MemoryProvider.withoutTags();
        memory.clock(at(T0));
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.builder().defaultStore(store).clock(at(T0)).build();
            JsonNode check = secrets.createShortLived(SPEC, config("check"), SCOPE, null, Duration.ofMinutes(10));
            String name = check.at("/access_key_id/_secret").textValue();
            assertThat(store.describe(SecretName.of(name)).tags()).doesNotContainKey(ConnectionSecrets.EXPIRES_AT_TAG);
            OrphanSweeper.Builder sweeper = OrphanSweeper.builder(store).grace(Duration.ofHours(1));
            assertThat(sweeper.clock(at(T0.plus(Duration.ofMinutes(59)))).build().sweep(Set.of(), false).orphans()).isEmpty();
            assertThat(sweeper.clock(at(T0.plus(Duration.ofMinutes(60)))).build().sweep(Set.of(), false).orphans()).hasSize(2);
            assertThat(memory.names()).isEmpty();
        }
    }

    @Test
    @DisplayName("on the local store: sweep with the real clock and grace zero, a secret without the managed tag is never listed")
    void localStore(@TempDir Path tmp) {
        try (SecretStore store = LocalStores.open(tmp)) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode live = secrets.create(SPEC, config("a"), SCOPE);
            JsonNode dead = secrets.create(SPEC, config("b"), SCOPE);
            SweepReport report = secrets.sweeper(null, Duration.ZERO).sweep(ConnectionSecrets.liveCoordinates(List.of(live)), false);
            assertThat(report.orphans()).extracting(SweptSecret::name).containsExactlyInAnyOrder(
                    dead.at("/access_key_id/_secret").textValue(), dead.at("/secret_access_key/_secret").textValue());
            assertThat(secrets.hydrate(live)).isEqualTo(config("a"));
        }
    }
}
