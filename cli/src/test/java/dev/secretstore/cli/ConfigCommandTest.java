package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("secretstore config split, hydrate and mask")
class ConfigCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = """
            {"connectionSpecification": {"type": "object", "properties": {
              "host": {"type": "string"},
              "password": {"type": "string", "airbyte_secret": true},
              "credentials": {"type": "object", "oneOf": [
                {"properties": {"auth_type": {"const": "oauth"}, "client_secret": {"type": "string", "airbyte_secret": true},
                                "refresh_token": {"type": "string", "airbyte_secret": true}}},
                {"properties": {"auth_type": {"const": "key"}, "api_key": {"type": "string", "airbyte_secret": true}}}]}}}}""";
    private static final String CONFIG = """
            {"host": "db.internal", "password": "pg-canary-1",
             "credentials": {"auth_type": "oauth", "client_secret": "cs-canary-2", "refresh_token": "rt-canary-3"}}""";

    @TempDir
    Path dir;
    private String store;
    private String spec;

    @BeforeEach
    void files() throws IOException {
        store = LocalStoreConfig.writable(dir);
        spec = Files.writeString(dir.resolve("spec.json"), SPEC).toString();
    }

    private static CliRun.Result run(String stdin, Terminal terminal, String... args) {
        return CliRun.withStdin(stdin.getBytes(StandardCharsets.UTF_8), terminal, args);
    }

    @Test
    @DisplayName("split writes the secrets and prints references; hydrate gives the config back; mask hides both")
    void wholeCycle() throws IOException {
        CliRun.Result split = run(CONFIG, Terminal.NONE, "config", "split", "--spec", spec,
                "--scope", "workspace:ws-1", "--config", store);
        assertThat(split.exitCode()).as(split.toString()).isZero();
        assertThat(split.all()).doesNotContain("canary");
        JsonNode sanitised = JSON.readTree(split.out());
        assertThat(sanitised.at("/password/_secret").textValue()).matches("airbyte_workspace_ws-1_secret_[0-9a-f-]{36}_v1");
        assertThat(sanitised.at("/credentials/refresh_token/_secret").isTextual()).isTrue();

        CliRun.Result hydrate = run(split.out(), Terminal.NONE, "config", "hydrate", "--config", store);
        assertThat(hydrate.exitCode()).as(hydrate.toString()).isZero();
        assertThat(JSON.readTree(hydrate.out())).isEqualTo(JSON.readTree(CONFIG));

        for (String input : new String[] {CONFIG, split.out()}) {
            CliRun.Result mask = run(input, Terminal.NONE, "config", "mask", "--spec", spec);
            assertThat(mask.exitCode()).as(mask.toString()).isZero();
            assertThat(JSON.readTree(mask.out())).isEqualTo(JSON.readTree("""
                    {"host": "db.internal", "password": "**********",
                     "credentials": {"auth_type": "oauth", "client_secret": "**********", "refresh_token": "**********"}}"""));
        }
    }

    @Test
    @DisplayName("hydrate refuses to print secrets to a terminal unless --to-terminal is given")
    void hydrateRefusesTerminal() throws IOException {
        String sanitised = run(CONFIG, Terminal.NONE, "config", "split", "--spec", spec, "--scope", "organization:acme",
                "--config", store).out();
        Terminal screen = new ScreenWithPipedInput();

        CliRun.Result refused = run(sanitised, screen, "config", "hydrate", "--config", store);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONFIG);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("stdout is a terminal").contains("--to-terminal").doesNotContain("canary");

        CliRun.Result asked = run(sanitised, screen, "config", "hydrate", "--config", store, "--to-terminal");
        assertThat(asked.exitCode()).as(asked.toString()).isZero();
        assertThat(JSON.readTree(asked.out())).isEqualTo(JSON.readTree(CONFIG));
    }

    @Test
    @DisplayName("hydrate lists every missing reference with its path at once and prints no config")
    void hydrateMissing() {
        String sanitised = """
                {"a": {"_secret": "airbyte_workspace_w_secret_00000000-0000-4000-8000-000000000001_v1"},
                 "b": [{"_secret": "airbyte_workspace_w_secret_00000000-0000-4000-8000-000000000002_v1"}]}""";
        CliRun.Result result = run(sanitised, Terminal.NONE, "config", "hydrate", "--config", store);
        assertThat(result.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("2 secret references could not be read")
                .contains("$.a -> airbyte_workspace_w_secret_00000000-0000-4000-8000-000000000001_v1: not found")
                .contains("$.b[0] -> airbyte_workspace_w_secret_00000000-0000-4000-8000-000000000002_v1: not found");
    }

    @Test
    @DisplayName("bad input: not JSON (position only, no token), a terminal on stdin, a bad scope, a missing spec")
    void badInput() {
        CliRun.Result notJson = run("{\"password\": hunter2-canary}", Terminal.NONE, "config", "mask", "--spec", spec);
        assertThat(notJson.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONFIG);
        assertThat(notJson.err()).contains("connector config on stdin is not valid JSON (line 1, column")
                .doesNotContain("hunter2");

        CliRun.Result typed = run(CONFIG, new ScreenWithPipedInput() {
            @Override
            public boolean inputIsTerminal() {
                return true;
            }
        }, "config", "mask", "--spec", spec);
        assertThat(typed.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONFIG);
        assertThat(typed.err()).contains("never read from a terminal");

        CliRun.Result scope = run(CONFIG, Terminal.NONE, "config", "split", "--spec", spec, "--scope", "project:x",
                "--config", store);
        assertThat(scope.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONFIG);
        assertThat(scope.err()).contains("--scope: a scope is workspace:<id> or organization:<id>");

        CliRun.Result noSpec = run(CONFIG, Terminal.NONE, "config", "mask", "--spec", dir.resolve("nope.json").toString());
        assertThat(noSpec.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONFIG);
        assertThat(noSpec.err()).contains("the --spec file does not exist").doesNotContain("nope.json");

        CliRun.Result trailing = run(CONFIG + " {\"more\": 1}", Terminal.NONE, "config", "mask", "--spec", spec);
        assertThat(trailing.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONFIG);
        assertThat(trailing.err()).contains("connector config on stdin has content after the end of its JSON document");
    }

    @Test
    @DisplayName("sweep: a dry run lists the orphans, --delete removes them, the live config still hydrates")
    void sweep() throws IOException {
        String live = run(CONFIG, Terminal.NONE, "config", "split", "--spec", spec, "--scope", "workspace:w",
                "--config", store).out();
        String orphan = run(CONFIG, Terminal.NONE, "config", "split", "--spec", spec, "--scope", "workspace:w",
                "--config", store).out();
        String orphanPassword = JSON.readTree(orphan).at("/password/_secret").textValue();

        CliRun.Result dry = run("[" + live + "]", Terminal.NONE, "config", "sweep", "--grace", "0", "--config", store);
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("would delete " + orphanPassword)
                .contains("dry run: 3 orphaned of 6 examined").doesNotContain("canary");
        CliRun.Result young = run(live, Terminal.NONE, "config", "sweep", "--config", store);
        assertThat(young.out()).contains("dry run: 0 orphaned of 6 examined; 3 unreferenced kept within the grace period");

        CliRun.Result real = run("[" + live + "]", Terminal.NONE, "config", "sweep", "--grace", "PT0S", "--delete",
                "--config", store);
        assertThat(real.exitCode()).as(real.toString()).isZero();
        assertThat(real.out()).contains("deleted " + orphanPassword).contains("3 orphaned of 6 examined");
        CliRun.Result hydrate = run(live, Terminal.NONE, "config", "hydrate", "--config", store);
        assertThat(JSON.readTree(hydrate.out())).isEqualTo(JSON.readTree(CONFIG));
        assertThat(run(orphan, Terminal.NONE, "config", "hydrate", "--config", store).exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);

        CliRun.Result badGrace = run(live, Terminal.NONE, "config", "sweep", "--grace", "soon", "--config", store);
        assertThat(badGrace.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONFIG);
        assertThat(badGrace.err()).contains("--grace: expected a duration");
    }

    /** stdout is a terminal, stdin a pipe: {@code secretstore config hydrate < saved.json}. */
    private static class ScreenWithPipedInput implements Terminal {
        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public boolean inputIsTerminal() {
            return false;
        }

        @Override
        public Optional<char[]> readHidden(String prompt) {
            return Optional.empty();
        }

        @Override
        public void progress(String line) {
        }

        @Override
        public void clearProgress() {
        }
    }
}
