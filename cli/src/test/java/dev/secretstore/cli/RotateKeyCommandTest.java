package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("rotate-key: the store's secrets read back the same under a new key file")
class RotateKeyCommandTest {
    @TempDir
    Path dir;

    @Test
    void rotateKey() throws Exception {
        String config = LocalStoreConfig.writable(dir);
        assertThat(CliRun.withStdin("before-rotation", "put", "db/pw", "--config", config).exitCode()).isZero();
        String oldKey = Files.readString(dir.resolve("master.key"));

        CliRun.Result rotated = CliRun.run("rotate-key", "--config", config);

        assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
        assertThat(rotated.all()).contains("rotated").doesNotContain(oldKey.strip())
                .doesNotContain(Files.readString(dir.resolve("master.key")).strip());
        assertThat(Files.readString(dir.resolve("master.key"))).isNotEqualTo(oldKey);
        assertThat(CliRun.run("get", "db/pw", "--config", config).out()).isEqualTo("before-rotation");
    }

    @Test
    @DisplayName("a cloud config is refused as a config problem (exit 2)")
    void notLocal() throws Exception {
        Path aws = Files.writeString(dir.resolve("aws.json"), "{\"provider\": \"aws\", \"awsRegion\": \"us-east-1\"}");

        assertThat(CliRun.run("rotate-key", "--config", aws.toString()).exitCode()).isEqualTo(2);
    }
}
