package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a secret value is printed by get and by nothing else")
class CanaryTest {

    private static final String CANARY = "CANARY-7f3a9c-do-not-print";

    @TempDir
    Path dir;

    @Test
    @DisplayName("put, list, describe, verify, delete and every error keep the value to themselves")
    void canaryNeverEchoed() throws Exception {
        String config = LocalStoreConfig.writable(dir);
        String readOnly = LocalStoreConfig.readOnly(dir);
        Path valueFile = Files.writeString(dir.resolve("canary.txt"), CANARY);
        Path tooLarge = Files.writeString(dir.resolve("large.txt"), CANARY.repeat(400_000 / CANARY.length() + 1));
        List<CliRun.Result> results = new ArrayList<>();

        results.add(CliRun.withStdin(CANARY, "put", "c/one", "--config", config));
        results.add(CliRun.withStdin(CANARY, "put", "c/one", "--config", config, "-o", "json"));
        results.add(CliRun.run("put", "c/two", "--value-file", valueFile.toString(), "--config", config));
        results.add(CliRun.run("list", "--config", config));
        results.add(CliRun.run("list", "--config", config, "-o", "json"));
        results.add(CliRun.run("describe", "c/one", "--config", config));
        results.add(CliRun.run("describe", "c/one", "--config", config, "-o", "json"));
        results.add(CliRun.run("verify", "--config", config));
        results.add(CliRun.run("verify", "--config", config, "-o", "json"));
        // errors: a denied write, a value over the size limit, a bad name, all with the canary as the value
        results.add(CliRun.withStdin(CANARY, "put", "c/one", "--config", readOnly));
        results.add(CliRun.withStdin(CANARY, "put", "c/one", "--config", readOnly, "-o", "json"));
        results.add(CliRun.run("put", "c/big", "--value-file", tooLarge.toString(), "--config", config));
        results.add(CliRun.withStdin(CANARY, "put", "bad..name", "--config", config));
        results.add(CliRun.run("delete", "c/one", "--config", readOnly));
        results.add(CliRun.run("delete", "c/one", "--config", config));
        results.add(CliRun.run("delete", "c/two", "--force", "--config", config, "-o", "json"));

        assertThat(results.get(0).exitCode()).isZero();
        assertThat(results.get(9).exitCode()).isEqualTo(3);
        assertThat(results.get(11).exitCode()).as(results.get(11).toString()).isEqualTo(2);
        assertThat(results.get(12).exitCode()).isEqualTo(2);
        assertThat(results.get(14).exitCode()).isZero();
        for (CliRun.Result result : results) {
            assertThat(result.all()).as(result.toString()).doesNotContain(CANARY).doesNotContain("CANARY-7f3a9c");
        }
    }

    @Test
    @DisplayName("get is the exception: the user asked for the value")
    void getPrintsIt() {
        String config = LocalStoreConfig.writable(dir);
        CliRun.withStdin(CANARY, "put", "c/one", "--config", config);

        assertThat(CliRun.run("get", "c/one", "--config", config).out()).contains(CANARY);
    }
}
