package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Main} in a real JVM: the vendor's jar on the class path, the process exit code, UTF-8 marks. */
@DisplayName("java -cp ...:vendor.jar dev.secretstore.cli.Main")
class MainProcessTest {

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out) {
    }

    private Outcome java(String classPath, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "dev.secretstore.cli.Main"));
        command.addAll(List.of(args));
        Path output = dir.resolve("out.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Files.write(dir.resolve("empty-stdin"), new byte[0]).toFile()))
                .start();
        try {
            // Generous: a loaded 2-core CI machine starts JVMs slowly. The bound only stops a hung child.
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
            return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    @DisplayName("providers lists a third-party provider whose jar is on the class path")
    void vendorJarOnTheClassPath() throws Exception {
        VendorJar.installInto(dir, "vendor.jar");

        Outcome outcome = java(System.getProperty("java.class.path") + File.pathSeparator + dir.resolve("vendor.jar"),
                "providers");

        assertThat(outcome.exitCode()).as(outcome.out()).isZero();
        assertThat(outcome.out()).contains("example-keystore  (type example-keystore").contains("local  (type local");
    }

    @Test
    @DisplayName("the process exits with the command's code: 0 for a passing verify, 3 for a denied write")
    void exitCodes() throws Exception {
        String classPath = System.getProperty("java.class.path");

        Outcome verify = java(classPath, "verify", "--config", LocalStoreConfig.writable(dir));
        Path value = Files.writeString(dir.resolve("value.txt"), "v");
        Outcome denied = java(classPath, "put", "x", "--value-file", value.toString(),
                "--config", LocalStoreConfig.readOnly(dir));

        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("✓ create test secret").contains("✓ verification passed");
        assertThat(denied.exitCode()).as(denied.out()).isEqualTo(3);
    }
}
