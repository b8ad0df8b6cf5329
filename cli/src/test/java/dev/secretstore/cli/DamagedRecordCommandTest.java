package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A damaged record: get exits 5 naming the file, list marks it, delete --force drops it")
class DamagedRecordCommandTest {
    @TempDir
    Path dir;

    @Test
    void damagedRecord() throws Exception {
        String config = LocalStoreConfig.writable(dir);
        assertThat(CliRun.withStdin("damaged-canary", "put", "a/damaged", "--config", config).exitCode()).isZero();
        assertThat(CliRun.withStdin("fine", "put", "a/fine", "--config", config).exitCode()).isZero();
        Path record;
        try (Stream<Path> files = Files.list(dir.resolve("store"))) {
            record = files.filter(p -> p.getFileName().toString().startsWith("a_-damaged")).findFirst().orElseThrow();
        }
        Files.write(record, new byte[] {'S', 'S', 'L', 'R', 2, 0, 1, 'x'});

        CliRun.Result get = CliRun.run("get", "a/damaged", "--config", config);
        assertThat(get.exitCode()).as(get.toString()).isEqualTo(5);
        assertThat(get.err()).contains("integrity").contains(record.toString()).doesNotContain("damaged-canary");
        JsonNode error = new ObjectMapper().readTree(CliRun.run("get", "a/damaged", "--config", config, "-o", "json")
                .out()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("SecretIntegrityException");
        assertThat(error.get("location").asText()).isEqualTo(record.toString());

        assertThat(CliRun.run("get", "a/fine", "--config", config).out()).isEqualTo("fine");
        CliRun.Result list = CliRun.run("list", "--config", config);
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("a/fine").containsPattern("a/damaged\\s+DAMAGED").contains("1 damaged");
        JsonNode listed = new ObjectMapper().readTree(CliRun.run("list", "--config", config, "-o", "json").out());
        assertThat(listed.get("secrets").get(0).get("integrityProblem").asText()).contains(record.toString());

        assertThat(CliRun.run("delete", "a/damaged", "--config", config).exitCode()).isEqualTo(5);
        CliRun.Result forced = CliRun.run("delete", "a/damaged", "--force", "--config", config);
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(record).doesNotExist();
        assertThat(CliRun.run("list", "--config", config).out()).doesNotContain("a/damaged").doesNotContain("DAMAGED");
    }
}
