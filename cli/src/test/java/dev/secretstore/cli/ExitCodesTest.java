package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("exit codes: 0 ok, 1 check failed, 2 usage or config, 3 denied or authentication, 4 unavailable")
class ExitCodesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("0: the command worked")
    void ok() {
        assertThat(CliRun.withStdin("v", "put", "a", "--config", LocalStoreConfig.writable(dir)).exitCode()).isZero();
    }

    @Test
    @DisplayName("1: the store refused (not found)")
    void notFound() {
        assertThat(CliRun.run("get", "absent", "--config", LocalStoreConfig.writable(dir)).exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("2: usage errors (unknown option, no subcommand, invalid name)")
    void usage() {
        String config = LocalStoreConfig.writable(dir);

        assertThat(CliRun.run("list", "--no-such-option").exitCode()).isEqualTo(2);
        CliRun.Result optionFirst = CliRun.run("--output", "json", "list");
        assertThat(optionFirst.exitCode()).isEqualTo(2);
        assertThat(optionFirst.err()).contains("unknown option for 'secretstore'").contains("go after the command name");
        assertThat(CliRun.run().exitCode()).isEqualTo(2);
        CliRun.Result badName = CliRun.withStdin("v", "put", "bad//name", "--config", config);
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("bad//name");
    }

    @Test
    @DisplayName("3: access denied (a read-only store refuses a write)")
    void accessDenied() {
        LocalStoreConfig.writable(dir);
        CliRun.withStdin("v", "put", "a", "--config", LocalStoreConfig.writable(dir));

        CliRun.Result result = CliRun.withStdin("w", "put", "a", "--config", LocalStoreConfig.readOnly(dir));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("error: ").contains("'a'");
    }

    @Test
    @DisplayName("3: authentication failed (the wrong key for the store, or a rejected credential)")
    void authenticationFailed() throws IOException {
        CliRun.withStdin("v", "put", "a", "--config", LocalStoreConfig.writable(dir));
        Path badToken = Files.writeString(dir.resolve("bad-token.json"),
                "{\"provider\": \"faulty-test\", \"fault\": \"bad-token\", \"token\": \"t0k3n-CANARY\"}");

        CliRun.Result wrongKey = CliRun.run("get", "a", "--config", LocalStoreConfig.wrongKey(dir));
        CliRun.Result rejected = CliRun.run("list", "--config", badToken.toString());

        assertThat(wrongKey.exitCode()).as(wrongKey.toString()).isEqualTo(3);
        assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(3);
        assertThat(rejected.all()).doesNotContain("t0k3n-CANARY");
    }

    @Test
    @DisplayName("4: the store is unavailable; --output json says so too")
    void unavailable() throws IOException {
        Path config = Files.writeString(dir.resolve("down.json"), "{\"provider\": \"faulty-test\", \"fault\": \"unavailable\"}");

        CliRun.Result result = CliRun.withStdin("v", "put", "a", "--config", config.toString(), "-o", "json");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(new ObjectMapper().readTree(result.out()).get("exitCode").asInt()).isEqualTo(4);
        assertThat(new ObjectMapper().readTree(result.out()).get("error").get("remediation").asText())
                .isEqualTo("try again later");
    }

    @Test
    @DisplayName("--help lists the exit codes")
    void helpDocumentsExitCodes() {
        CliRun.Result result = CliRun.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Exit codes:").contains("3  access denied or authentication failed");
    }

    @Test
    @DisplayName("every subcommand has --help (exit 0, nothing attempted)")
    void subcommandHelp() {
        for (String command : new String[] {"providers", "verify", "put", "get", "describe", "list", "delete",
                "conformance"}) {
            CliRun.Result result = CliRun.run(command, "--help");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).startsWith("Usage: secretstore " + command);
        }
        assertThat(CliRun.run("put", "--help").out()).contains("never from an argument");
    }
}
