package dev.secretstore.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child process is killed (SIGKILL) at each step of update, delete and sweep in turn: before each store
 * write or delete and between the phases. After each kill, every persisted config must hydrate, to its old
 * or its new content and nothing in between; the other config must be untouched; a sweep must then leave
 * exactly the referenced secrets; and the operation, run again, must finish.
 */
@DisplayName("A process killed at any step of update, delete or sweep leaves every persisted config hydratable")
class CrashSafetyTest {

    static final JsonNode SPEC = Json.resource("specs/source-postgres.json");
    static final SecretScope SCOPE = SecretScope.workspace("crash-ws");
    private static final int MAX_STEPS = 20;

    @TempDir
    Path tmp;

    static JsonNode config(String n, String password, String tunnelPassword) {
        return Json.parse("""
                {"host": "db-%s", "port": 5432, "database": "app", "username": "u", "password": "%s",
                 "ssl_mode": {"mode": "verify-ca", "ca_certificate": "ca-%s"},
                 "tunnel_method": {"tunnel_method": "SSH_PASSWORD_AUTH", "tunnel_host": "b", "tunnel_port": 22,
                                   "tunnel_user": "j", "tunnel_user_password": "%s"}}""".formatted(n, password, n, tunnelPassword));
    }

    private static final JsonNode OLD = config("a", "old-pass", "old-tunnel");
    private static final JsonNode NEW = config("a", "new-pass", "new-tunnel"); // ca unchanged
    private static final JsonNode OTHER = config("b", "b-pass", "b-tunnel");

    /** Two persisted configs, a and b. */
    private Path setUp(String name) throws Exception {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        try (SecretStore store = LocalStores.open(dir)) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            CrashChild.persist(dir, "a", secrets.create(SPEC, OLD, SCOPE));
            CrashChild.persist(dir, "b", secrets.create(SPEC, OTHER, SCOPE));
        }
        return dir;
    }

    @Test
    @DisplayName("update: killed before each write, after prepare, after persisting, before each delete, after commit")
    void update() throws Exception {
        List<String> steps = runUntilDone("update", stopAt -> {
            Path dir = setUp("update-" + stopAt);
            Path edited = dir.resolve("edited.json");
            Files.write(edited, Json.MAPPER.writeValueAsBytes(NEW));
            return new Run(dir, List.of("update", dir.toString(), "a", edited.toString()));
        }, (dir, paused) -> {
            JsonNode a = hydrateAll(dir).get(0);
            assertThat(a).as("config a after a kill at '%s'", paused).isIn(OLD, NEW);
            if (List.of("persisted").contains(paused) || paused.startsWith("delete") || paused.equals("committed")) {
                assertThat(a).isEqualTo(NEW);
            }
            try (SecretStore store = LocalStores.open(dir)) { // the update, run again, completes
                ConnectionSecrets secrets = ConnectionSecrets.of(store);
                PreparedUpdate retry = secrets.prepareUpdate(SPEC, CrashChild.persisted(dir).get(0), NEW, SCOPE);
                CrashChild.persist(dir, "a", retry.config());
                secrets.commit(retry);
            }
            assertThat(hydrateAll(dir)).containsExactly(NEW, OTHER);
            sweepAndCheck(dir);
        });
        assertThat(steps).hasSize(7).contains("prepared", "persisted", "committed");
        assertThat(steps.stream().filter(s -> s.startsWith("create "))).hasSize(2);
        assertThat(steps.stream().filter(s -> s.startsWith("delete "))).hasSize(2);
    }

    @Test
    @DisplayName("delete: killed after the config file is removed and before each of its secrets is deleted")
    void delete() throws Exception {
        List<String> steps = runUntilDone("delete", stopAt -> new Run(setUp("delete-" + stopAt), null), (dir, paused) -> {
            assertThat(CrashChild.persisted(dir)).as("the config file goes first").hasSize(1);
            assertThat(hydrateAll(dir)).containsExactly(OTHER);
            sweepAndCheck(dir);
        }, "a");
        assertThat(steps).hasSize(5).contains("config removed", "secrets deleted");
    }

    @Test
    @DisplayName("sweep: killed before each orphan's delete")
    void sweep() throws Exception {
        List<String> steps = runUntilDone("sweep", stopAt -> {
            Path dir = setUp("sweep-" + stopAt);
            try (SecretStore store = LocalStores.open(dir)) { // a create whose config was never persisted
                ConnectionSecrets.of(store).create(SPEC, config("c", "c-pass", "c-tunnel"), SCOPE);
            }
            return new Run(dir, null);
        }, (dir, paused) -> {
            assertThat(hydrateAll(dir)).containsExactly(OLD, OTHER);
            sweepAndCheck(dir);
        });
        assertThat(steps).hasSize(4).last().isEqualTo("swept");
    }

    // ---- machinery -----------------------------------------------------------------------------------

    private record Run(Path dir, List<String> args) {
    }

    private interface Setup {
        Run create(int stopAt) throws Exception;
    }

    private interface Check {
        void after(Path dir, String paused) throws Exception;
    }

    /**
     * Runs the operation in a child that stops at step 1, then 2, ..., checking the store after each kill,
     * until a child gets through.
     *
     * @return the steps, in order
     */
    private List<String> runUntilDone(String mode, Setup setup, Check check, String... extraArgs) throws Exception {
        List<String> steps = new ArrayList<>();
        for (int stopAt = 1; stopAt <= MAX_STEPS; stopAt++) {
            Run run = setup.create(stopAt);
            List<String> args = new ArrayList<>(run.args() != null ? run.args() : List.of(mode, run.dir().toString()));
            args.addAll(List.of(extraArgs));
            args.add(Integer.toString(stopAt));
            try (ChildJvm child = ChildJvm.start(run.dir().resolve("child.err"), args.toArray(String[]::new))) {
                String line = child.readLine();
                if (line.startsWith("done ")) {
                    assertThat(Integer.parseInt(line.substring(5))).as("a child that got through passed every step")
                            .isEqualTo(stopAt - 1);
                    check.after(run.dir(), "done");
                    return steps;
                }
                assertThat(line).startsWith("paused ");
                String paused = line.substring("paused ".length());
                steps.add(paused);
                child.kill();
                check.after(run.dir(), paused);
            }
        }
        throw new AssertionError(mode + " did not finish within " + MAX_STEPS + " steps: " + steps);
    }

    private static List<JsonNode> hydrateAll(Path dir) {
        try (SecretStore store = LocalStores.open(dir)) {
            return ConnectionSecrets.of(store).hydrateAll(CrashChild.persisted(dir));
        }
    }

    /** After a sweep with grace zero, the store holds exactly the referenced secrets and every config hydrates. */
    private static void sweepAndCheck(Path dir) {
        List<JsonNode> hydratedBefore = hydrateAll(dir);
        try (SecretStore store = LocalStores.open(dir)) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            Set<String> live = ConnectionSecrets.liveCoordinates(CrashChild.persisted(dir));
            secrets.sweeper(null, Duration.ZERO).sweep(live, false);
            Set<String> left = store.listAll("airbyte_").map(SecretMetadata::name).map(SecretName::value)
                    .collect(Collectors.toSet());
            assertThat(left).isEqualTo(live);
        }
        assertThat(hydrateAll(dir)).isEqualTo(hydratedBefore);
    }
}
