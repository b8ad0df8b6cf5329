package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("secretstore describe, list and delete")
class DescribeListDeleteCommandTest {

    @TempDir
    Path dir;

    private String config;

    @BeforeEach
    void storeWithSecrets() {
        config = LocalStoreConfig.writable(dir);
        for (String name : List.of("connections/pg/password", "connections/pg/user", "api/token")) {
            assertThat(CliRun.withStdin("value-of-" + name, "put", name, "--config", config).exitCode()).isZero();
        }
    }

    @Test
    @DisplayName("describe shows metadata and the managed tag")
    void describe() {
        CliRun.Result result = CliRun.run("describe", "api/token", "--config", config);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("name: api/token").contains("managed: true").contains("AirbyteManaged=true")
                .contains("version: ");
    }

    @Test
    @DisplayName("describe of a missing secret: not found, exit 1")
    void describeMissing() {
        CliRun.Result result = CliRun.run("describe", "absent", "--config", config);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("'absent'").contains("error:");
    }

    @Test
    @DisplayName("list shows every managed secret; --prefix narrows it")
    void list() {
        CliRun.Result all = CliRun.run("list", "--config", config);
        CliRun.Result pg = CliRun.run("list", "--config", config, "--prefix", "connections/");

        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("connections/pg/password").contains("connections/pg/user").contains("api/token")
                .contains("3 secrets");
        assertThat(pg.out()).contains("connections/pg/password").contains("connections/pg/user")
                .doesNotContain("api/token").contains("2 secrets");
    }

    @Test
    @DisplayName("list --output json: every page, as one array of metadata")
    void listJson() throws IOException {
        JsonNode document = new ObjectMapper().readTree(CliRun.run("list", "--config", config, "-o", "json").out());

        List<String> names = new ArrayList<>();
        document.get("secrets").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("connections/pg/password", "connections/pg/user", "api/token");
    }

    @Test
    @DisplayName("list shows progress on a terminal only, and never on stdout")
    void listProgressGoesToTheTerminal() {
        try (SecretStore store = SecretStores.open(Map.of("provider", "local", "path", dir.resolve("store").toString(),
                "keyFile", dir.resolve("master.key").toString()))) {
            for (int i = 0; i < 100; i++) {
                store.put(SecretName.of("bulk/" + i), SecretValue.ofText("v"));
            }
        }
        RecordingTerminal terminal = new RecordingTerminal();

        CliRun.Result result = CliRun.withStdin(new byte[0], terminal, "list", "--config", config);

        assertThat(result.exitCode()).isZero();
        assertThat(terminal.lines).contains("listed 100 secrets...");
        assertThat(result.out()).doesNotContain("listed 100").contains("103 secrets");
    }

    @Test
    @DisplayName("delete: soft by default; --recovery-days N; --force")
    void deleteModes() {
        CliRun.Result soft = CliRun.run("delete", "api/token", "--config", config);
        CliRun.Result window = CliRun.run("delete", "connections/pg/user", "--recovery-days", "3", "--config", config);
        CliRun.Result force = CliRun.run("delete", "connections/pg/password", "--force", "--config", config);

        assertThat(soft.exitCode()).as(soft.toString()).isZero();
        assertThat(soft.out()).contains("deleted 'api/token' (recoverable for the store's default window)");
        assertThat(window.out()).contains("recoverable for 3 days");
        assertThat(force.out()).contains("(permanently)");
        assertThat(CliRun.run("list", "--config", config).out()).contains("No managed secrets");
    }

    @Test
    @DisplayName("delete --force with --recovery-days is a usage error and deletes nothing")
    void deleteModesExclusive() {
        CliRun.Result result = CliRun.run("delete", "api/token", "--force", "--recovery-days", "3", "--config", config);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("mutually exclusive").doesNotContain("Error: ");
        assertThat(CliRun.run("describe", "api/token", "--config", config).exitCode()).isZero();
    }

    @Test
    @DisplayName("delete of a missing secret: exit 1; --output json reports it as an error document")
    void deleteMissing() throws IOException {
        CliRun.Result result = CliRun.run("delete", "absent", "--config", config, "-o", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode error = new ObjectMapper().readTree(result.out()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("SecretNotFoundException");
        assertThat(error.get("secret").asText()).isEqualTo("absent");
        assertThat(error.get("operation").asText()).isEqualTo("DELETE");
    }

    /** A terminal that records its progress lines. */
    private static final class RecordingTerminal implements Terminal {
        final List<String> lines = new ArrayList<>();

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public java.util.Optional<char[]> readHidden(String prompt) {
            return java.util.Optional.empty();
        }

        @Override
        public void progress(String line) {
            lines.add(line);
        }

        @Override
        public void clearProgress() {
        }
    }
}
