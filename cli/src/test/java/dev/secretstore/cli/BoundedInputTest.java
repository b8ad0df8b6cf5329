package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Input is read with bounds, and no argument value is repeated in an error")
class BoundedInputTest {
    private static final int LOCAL_MAX_VALUE = 65_536;

    @TempDir
    Path dir;

    /** Endless input that counts what was read from it. */
    private static final class Endless extends InputStream {
        final AtomicLong read = new AtomicLong();

        @Override
        public int read() {
            read.incrementAndGet();
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            read.addAndGet(len);
            return len;
        }
    }

    @Test
    @DisplayName("a value on stdin is read up to the store's maximum plus one byte, then refused (exit 2)")
    void endlessStdinIsRefused() {
        Endless stdin = new Endless();

        CliRun.Result put = CliRun.withStdin(stdin, Terminal.NONE, "put", "big", "--config", LocalStoreConfig.writable(dir));

        assertThat(put.exitCode()).as(put.toString()).isEqualTo(2);
        assertThat(put.err()).contains("larger than this store's maximum of " + LOCAL_MAX_VALUE + " bytes");
        assertThat(stdin.read.get()).isEqualTo(LOCAL_MAX_VALUE + 1);
        assertThat(CliRun.run("get", "big", "--config", LocalStoreConfig.writable(dir)).exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("a value of exactly the maximum size is stored")
    void maximumSizeIsStored() throws IOException {
        Path file = Files.write(dir.resolve("max.bin"), "y".repeat(LOCAL_MAX_VALUE).getBytes(StandardCharsets.US_ASCII));

        CliRun.Result put = CliRun.run("put", "max", "--value-file", file.toString(), "--config",
                LocalStoreConfig.writable(dir));

        assertThat(put.exitCode()).as(put.toString()).isZero();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    @DisplayName("--value-file /dev/zero returns at once with a refusal")
    void devZeroIsRefused() {
        CliRun.Result put = CliRun.run("put", "zero", "--value-file", "/dev/zero", "--binary", "--config",
                LocalStoreConfig.writable(dir));

        assertThat(put.exitCode()).as(put.toString()).isEqualTo(2);
        assertThat(put.err()).contains("larger than this store's maximum");
    }

    @Test
    @DisplayName("a config larger than 1 MiB is refused unread (exit 2)")
    void hugeConfigIsRefused() {
        Endless stdin = new Endless();

        CliRun.Result result = CliRun.withStdin(stdin, Terminal.NONE, "list", "--config", "-");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("larger than 1024 KiB");
        assertThat(stdin.read.get()).isEqualTo(ConfigFiles.MAX_CONFIG_BYTES + 1);
    }

    @Test
    @DisplayName("conformance --config - reads the config from stdin up to 1 MiB, then refuses it (exit 2)")
    void hugeConformanceConfigIsRefused() {
        Endless stdin = new Endless();

        CliRun.Result result = CliRun.withStdin(stdin, Terminal.NONE, "conformance", "--config", "-");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("larger than 1024 KiB");
        assertThat(stdin.read.get()).isEqualTo(ConfigFiles.MAX_CONFIG_BYTES + 1);
    }

    @Test
    @DisplayName("a connector config naming a field twice, or with content after its JSON document, is refused"
            + " saying so, without quoting the field or the content")
    void connectorConfigDuplicateAndTrailingContent() throws IOException {
        String spec = Files.writeString(dir.resolve("spec.json"), "{\"type\": \"object\", \"properties\":"
                + " {\"password\": {\"type\": \"string\", \"airbyte_secret\": true}}}").toString();

        CliRun.Result dup = CliRun.withStdin("{\"password\": \"a\", \"password\": \"dup-canary\"}", "config", "mask",
                "--spec", spec);
        CliRun.Result trail = CliRun.withStdin("{\"password\": \"a\"} {\"trail-canary\": 1}", "config", "mask",
                "--spec", spec);

        assertThat(dup.exitCode()).as(dup.toString()).isEqualTo(2);
        assertThat(dup.err()).contains("names the same field twice").contains("line 1").doesNotContain("dup-canary");
        assertThat(trail.exitCode()).as(trail.toString()).isEqualTo(2);
        assertThat(trail.err()).contains("content after the end of its JSON document").doesNotContain("trail-canary");
    }

    @Test
    @DisplayName("a config naming a field twice, or with content after its JSON object, is refused saying so")
    void duplicateAndTrailingContent() throws IOException {
        Path duplicate = Files.writeString(dir.resolve("dup.json"),
                "{\"provider\": \"local\", \"path\": \"" + dir.resolve("s") + "\", \"path\": \"dup-canary\"}");
        Path trailing = Files.writeString(dir.resolve("trailing.json"),
                "{\"provider\": \"local\", \"path\": \"" + dir.resolve("s") + "\"} {\"keyFile\": \"trail-canary\"}");

        CliRun.Result dup = CliRun.run("list", "--config", duplicate.toString());
        CliRun.Result trail = CliRun.run("list", "--config", trailing.toString());

        assertThat(dup.exitCode()).isEqualTo(2);
        assertThat(dup.err()).contains("names the same field twice").contains("line 1").doesNotContain("dup-canary");
        assertThat(trail.exitCode()).isEqualTo(2);
        assertThat(trail.err()).contains("content after the end of its JSON object").doesNotContain("trail-canary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2", "99999999999"})
    @DisplayName("an option value of the wrong form, or too large, is not repeated: the option, the expected form "
            + "and its bound are named")
    void badOptionValueIsNotEchoed(String value) {
        CliRun.Result result = CliRun.run("delete", "x", "--recovery-days", value, "--config",
                LocalStoreConfig.writable(dir));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.all()).doesNotContain(value);
        assertThat(result.err()).contains("option '--recovery-days'")
                .contains("expected a whole number (at most 2147483647)");
    }

    @Test
    @DisplayName("a missing migrate --from / --to config is refused naming that option, not the path")
    void missingMigrateConfigNamesItsOption() {
        String existing = LocalStoreConfig.writable(dir);

        CliRun.Result from = CliRun.run("migrate", "--from", dir.resolve("s3cr3t-from").toString(), "--to", existing);
        CliRun.Result to = CliRun.run("migrate", "--from", existing, "--to", dir.resolve("s3cr3t-to").toString());

        assertThat(from.exitCode()).as(from.toString()).isEqualTo(2);
        assertThat(from.err()).contains("the --from file does not exist");
        assertThat(to.exitCode()).as(to.toString()).isEqualTo(2);
        assertThat(to.err()).contains("the --to file does not exist");
        assertThat(from.all() + to.all()).doesNotContain("s3cr3t");
    }

    @Test
    @DisplayName("a missing --value-file is refused without repeating its path")
    void missingValueFileIsNotEchoed() {
        CliRun.Result result = CliRun.run("put", "x", "--value-file", dir.resolve("s3cr3t-path").toString(),
                "--config", LocalStoreConfig.writable(dir));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.all()).doesNotContain("s3cr3t-path").contains("--value-file does not exist");
    }
}
