package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("secretstore put and get")
class PutGetCommandTest {

    @TempDir
    Path dir;

    private String config;

    @BeforeEach
    void store() {
        config = LocalStoreConfig.writable(dir);
    }

    @Test
    @DisplayName("put reads the value from stdin, exactly; get prints it")
    void putFromStdin() {
        String value = "p@ss wörd 🔑\n";

        CliRun.Result put = CliRun.withStdin(value, "put", "db/password", "--config", config);
        CliRun.Result get = CliRun.run("get", "db/password", "--config", config);

        assertThat(put.exitCode()).as(put.toString()).isZero();
        assertThat(put.out()).contains("stored 'db/password'").contains(value.getBytes(StandardCharsets.UTF_8).length + " bytes");
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.out()).as("exactly the value: no newline added").isEqualTo(value);
        assertThat(CliRun.run("get", "db/password", "--config", config, "--newline").out())
                .isEqualTo(value + System.lineSeparator());
    }

    @Test
    @DisplayName("put reads the value from --value-file")
    void putFromFile() throws IOException {
        Path file = Files.writeString(dir.resolve("value.txt"), "from-a-file");

        CliRun.Result put = CliRun.run("put", "api/key", "--value-file", file.toString(), "--config", config);

        assertThat(put.exitCode()).as(put.toString()).isZero();
        assertThat(CliRun.run("get", "api/key", "--config", config).out().strip()).isEqualTo("from-a-file");
    }

    @Test
    @DisplayName("on a terminal, put prompts twice without echo")
    void putFromHiddenPrompt() {
        PromptingTerminal terminal = new PromptingTerminal("typed-value", "typed-value");

        CliRun.Result put = CliRun.withStdin(new byte[0], terminal, "put", "typed", "--config", config);

        assertThat(put.exitCode()).as(put.toString()).isZero();
        assertThat(terminal.prompts).isEqualTo(2);
        assertThat(put.all()).doesNotContain("typed-value");
        assertThat(CliRun.run("get", "typed", "--config", config).out().strip()).isEqualTo("typed-value");
    }

    @Test
    @DisplayName("two different values at the prompt store nothing (exit 2)")
    void promptMismatch() {
        CliRun.Result put = CliRun.withStdin(new byte[0], new PromptingTerminal("one", "two"), "put", "typed",
                "--config", config);

        assertThat(put.exitCode()).isEqualTo(2);
        assertThat(put.err()).contains("differ");
        assertThat(CliRun.run("get", "typed", "--config", config).exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("stdin is a terminal but stdout is redirected (put ... | jq): refused, not read with echo (exit 2)")
    void terminalInputWithoutPrompt() {
        Terminal keyboardOnly = new PromptingTerminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public boolean inputIsTerminal() {
                return true;
            }
        };

        CliRun.Result put = CliRun.withStdin("typed-with-echo".getBytes(StandardCharsets.UTF_8), keyboardOnly,
                "put", "typed", "--config", config, "-o", "json");

        assertThat(put.exitCode()).as(put.toString()).isEqualTo(2);
        assertThat(put.all()).contains("without echoing it").doesNotContain("typed-with-echo");
        assertThat(CliRun.run("get", "typed", "--config", config).exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("an empty value (e.g. printf '%s' \"$UNSET\" | put) is refused and nothing is stored (exit 2)")
    void emptyValue() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");

        CliRun.Result fromStdin = CliRun.withStdin("", "put", "blank", "--config", config);
        CliRun.Result fromFile = CliRun.run("put", "blank", "--value-file", empty.toString(), "--config", config);

        assertThat(fromStdin.exitCode()).as(fromStdin.toString()).isEqualTo(2);
        assertThat(fromStdin.err()).contains("the value is empty; nothing was stored");
        assertThat(fromFile.exitCode()).as(fromFile.toString()).isEqualTo(2);
        assertThat(CliRun.run("get", "blank", "--config", config).exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("the value is never taken from an argument: an extra argument is a usage error")
    void noValueArgument() {
        CliRun.Result put = CliRun.run("put", "db/password", "hunter2", "--config", config);

        assertThat(put.exitCode()).isEqualTo(2);
        assertThat(put.err()).contains("a value is never an argument");
        assertThat(put.all()).doesNotContain("hunter2");
        assertThat(CliRun.run("get", "db/password", "--config", config).exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("--binary stores bytes as given; get prints them as base64")
    void binaryValues() throws IOException {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Path file = Files.write(dir.resolve("value.bin"), bytes);

        CliRun.Result put = CliRun.run("put", "cert", "--binary", "--value-file", file.toString(), "--config", config);
        CliRun.Result get = CliRun.run("get", "cert", "--config", config);

        assertThat(put.exitCode()).as(put.toString()).isZero();
        assertThat(Base64.getDecoder().decode(get.out().strip())).isEqualTo(bytes);
        assertThat(get.err()).contains("base64");
    }

    @Test
    @DisplayName("bytes that are not UTF-8 need --binary (exit 2, nothing stored)")
    void invalidUtf8NeedsBinary() {
        CliRun.Result put = CliRun.withStdin(new byte[] {(byte) 0xff, (byte) 0xfe}, Terminal.NONE,
                "put", "cert", "--config", config);

        assertThat(put.exitCode()).isEqualTo(2);
        assertThat(put.err()).contains("--binary");
        assertThat(CliRun.run("get", "cert", "--config", config).exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("a second put adds a version; get --version reads an older one")
    void versions() throws IOException {
        CliRun.withStdin("first", "put", "rotating", "--config", config);
        CliRun.Result second = CliRun.withStdin("second", "put", "rotating", "--config", config, "-o", "json");
        String firstVersion = new ObjectMapper().readTree(
                CliRun.run("get", "rotating", "--config", config, "--version", "1", "-o", "json").out()).get("version").asText();

        assertThat(new ObjectMapper().readTree(second.out()).get("version").asText()).isNotEqualTo(firstVersion);
        assertThat(CliRun.run("get", "rotating", "--config", config).out().strip()).isEqualTo("second");
        assertThat(CliRun.run("get", "rotating", "--config", config, "--version", firstVersion).out().strip())
                .isEqualTo("first");
    }

    @Test
    @DisplayName("put --tag sets user tags next to the managed tag")
    void tags() throws IOException {
        CliRun.withStdin("v", "put", "tagged", "--tag", "team=data", "--tag", "env=prod", "--config", config);

        JsonNode described = new ObjectMapper().readTree(
                CliRun.run("describe", "tagged", "--config", config, "-o", "json").out());

        assertThat(described.get("tags").get("team").asText()).isEqualTo("data");
        assertThat(described.get("tags").get("env").asText()).isEqualTo("prod");
        assertThat(described.get("tags").get("AirbyteManaged").asText()).isEqualTo("true");
    }

    @Test
    @DisplayName("get --output json carries the value (the user asked for it)")
    void getJson() throws IOException {
        CliRun.withStdin("json-value", "put", "j", "--config", config);

        JsonNode document = new ObjectMapper().readTree(CliRun.run("get", "j", "--config", config, "-o", "json").out());

        assertThat(document.get("value").asText()).isEqualTo("json-value");
        assertThat(document.get("encoding").asText()).isEqualTo("text");
        assertThat(document.get("name").asText()).isEqualTo("j");
    }

    @Test
    @DisplayName("--config - reads the config from stdin, so put then needs --value-file")
    void configFromStdin() throws IOException {
        String json = Files.readString(Path.of(config));
        Path file = Files.writeString(dir.resolve("v.txt"), "via-file");

        CliRun.Result withoutFile = CliRun.withStdin(json, "put", "x", "--config", "-");
        CliRun.Result withFile = CliRun.withStdin(json, "put", "x", "--config", "-", "--value-file", file.toString());

        assertThat(withoutFile.exitCode()).isEqualTo(2);
        assertThat(withoutFile.err()).contains("--value-file");
        assertThat(withFile.exitCode()).as(withFile.toString()).isZero();
        assertThat(CliRun.withStdin(json, "get", "x", "--config", "-").out().strip()).isEqualTo("via-file");
    }

    /** A terminal whose user types the given answers at the hidden prompts. */
    private static class PromptingTerminal implements Terminal {
        private final Deque<String> answers;
        int prompts;

        PromptingTerminal(String... answers) {
            this.answers = new ArrayDeque<>(java.util.List.of(answers));
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public Optional<char[]> readHidden(String prompt) {
            prompts++;
            return Optional.ofNullable(answers.poll()).map(String::toCharArray);
        }

        @Override
        public void progress(String line) {
        }

        @Override
        public void clearProgress() {
        }
    }
}
