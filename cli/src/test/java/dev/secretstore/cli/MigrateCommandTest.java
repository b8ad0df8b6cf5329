package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("secretstore migrate")
class MigrateCommandTest {

    static final String CANARY = "canary-migrate-9c1e";

    @TempDir
    Path dir;
    String from;
    String to;
    Path journal;

    @BeforeEach
    void stores() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        from = LocalStoreConfig.writable(dir.resolve("a"));
        to = LocalStoreConfig.writable(dir.resolve("b"));
        journal = dir.resolve("run.journal");
        try (SecretStore store = open("a")) {
            store.create(SecretName.of("conn/pg/password"), SecretValue.ofText(CANARY + "-1"), Map.of("team", "data"));
            store.put(SecretName.of("conn/pg/password"), SecretValue.ofText(CANARY + "-2"));
            store.create(SecretName.of("conn/mysql/password"), SecretValue.ofText(CANARY + "-m"));
            store.create(SecretName.of("other"), SecretValue.ofText(CANARY + "-o"));
        }
    }

    private SecretStore open(String sub) {
        return SecretStores.open(Map.of("provider", "local", "path", dir.resolve(sub).resolve("store").toString(),
                "keyFile", dir.resolve(sub).resolve("master.key").toString()));
    }

    @Test
    @DisplayName("copies with history, prints a summary without values; a second run copies nothing")
    void migratesAndResumes() {
        CliRun.Result first = CliRun.run("migrate", "--from", from, "--to", to, "--prefix", "conn/",
                "--journal", journal.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Migrated local -> local (prefix 'conn/'): 2 managed secret(s)")
                .contains("copied, verified     2 (3 version(s))").contains("every live version");
        assertThat(first.all()).doesNotContain(CANARY);
        try (SecretStore target = open("b")) {
            SecretName pg = SecretName.of("conn/pg/password");
            assertThat(target.listVersions(pg)).hasSize(2);
            assertThat(target.read(pg).value().text()).isEqualTo(CANARY + "-2");
            assertThat(target.find(SecretName.of("other"))).isEmpty();
        }

        CliRun.Result second = CliRun.run("migrate", "--from", from, "--to", to, "--prefix", "conn/",
                "--journal", journal.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("copied, verified     0 (0 version(s))").contains("already migrated     2");
    }

    @Test
    @DisplayName("--dry-run --output json reports what would be copied and writes nothing")
    void dryRunJson() throws Exception {
        CliRun.Result result = CliRun.run("migrate", "--from", from, "--to", to, "--dry-run", "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(result.out());
        assertThat(doc.get("dryRun").asBoolean()).isTrue();
        assertThat(doc.get("secrets").asInt()).isEqualTo(3);
        assertThat(doc.get("copied").asInt()).isEqualTo(3);
        assertThat(doc.get("offenders")).isEmpty();
        try (SecretStore target = open("b"); var all = target.listAll(null)) {
            assertThat(all.count()).isZero();
        }
        try (var files = Files.list(Path.of("."))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("secretstore-migrate-"));
        }
    }

    @Test
    @DisplayName("--delete-source removes the verified secrets from the source; --output json has the counts")
    void deleteSourceJson() throws Exception {
        CliRun.Result result = CliRun.run("migrate", "--from", from, "--to", to, "--delete-source",
                "--journal", journal.toString(), "--output", "json");

        JsonNode doc = new ObjectMapper().readTree(result.out());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(doc.get("deletedFromSource").asInt()).isEqualTo(3);
        assertThat(doc.get("versionsCopied").asInt()).isEqualTo(4);
        assertThat(doc.get("exitCode").asInt()).isZero();
        try (SecretStore source = open("a"); var all = source.listAll(null)) {
            assertThat(all.count()).isZero();
        }
    }

    @Test
    @DisplayName("a progress bar with counts, rate and ETA goes to the terminal only, never to stdout")
    void progressOnTerminal() {
        RecordingTerminal terminal = new RecordingTerminal();

        CliRun.Result result = CliRun.withStdin(new byte[0], terminal, "migrate", "--from", from, "--to", to,
                "--journal", journal.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(terminal.lines).isNotEmpty().last().asString().contains("3/3").contains("/s").contains("ETA");
        assertThat(result.out()).doesNotContain("ETA");
        assertThat(String.join("\n", terminal.lines)).doesNotContain(CANARY);
    }

    @Test
    @DisplayName("a journal of another migration is a usage error (exit 2) and nothing is written")
    void otherJournal() {
        assertThat(CliRun.run("migrate", "--from", from, "--to", to, "--prefix", "x/", "--journal",
                journal.toString()).exitCode()).isZero();

        CliRun.Result result = CliRun.run("migrate", "--from", from, "--to", to, "--journal", journal.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONFIG);
        assertThat(result.err()).contains("belongs to another migration");
        try (SecretStore target = open("b"); var all = target.listAll(null)) {
            assertThat(all.count()).isZero();
        }
    }

    /** A terminal that records its progress lines. */
    private static final class RecordingTerminal implements dev.secretstore.cli.Terminal {
        final List<String> lines = new ArrayList<>();

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public Optional<char[]> readHidden(String prompt) {
            return Optional.empty();
        }

        @Override
        public synchronized void progress(String line) {
            lines.add(line);
        }

        @Override
        public void clearProgress() {
        }
    }
}
