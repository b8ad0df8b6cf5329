package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("--providers-dir: any directory name, and jars that declare no provider are named")
class ProvidersDirTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"providers", "verify", "put", "get", "describe", "list", "delete", "conformance", "help"})
    @DisplayName("a directory named like a subcommand is taken as the directory, before and after the subcommand")
    void subcommandNameAsDirectory(String name) {
        // Relative to the test's working directory, where no such directory exists: the option took the value.
        CliRun.Result before = CliRun.run("--providers-dir", name, "providers");
        CliRun.Result after = CliRun.run("providers", "--providers-dir", name);

        for (CliRun.Result result : List.of(before, after)) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.err()).as(result.toString()).contains("--providers-dir '" + name + "' is not a directory")
                    .doesNotContain("Expected parameter");
        }
    }

    @Test
    @DisplayName("providers names each jar without a META-INF/services entry, in text and JSON; a provider's jar is not named")
    void jarsWithoutProvider() throws IOException {
        VendorJar.installInto(dir, "vendor.jar");
        Path noProcessor = dir.resolve("built-without-processor.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(noProcessor))) {
            out.putNextEntry(new JarEntry("com/example/acme/AcmeProvider.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            out.closeEntry();
        }

        CliRun.Result text = CliRun.run("--providers-dir", dir.toString(), "providers");
        CliRun.Result json = CliRun.run("--providers-dir", dir.toString(), "providers", "--output", "json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains("example-keystore  (type example-keystore")
                .contains("Jars in --providers-dir that declare no provider (no "
                        + "META-INF/services/dev.secretstore.spi.SecretStoreProvider):")
                .contains("  " + noProcessor)
                .contains("auto-service annotation processor")
                .doesNotContain("  " + dir.resolve("vendor.jar"));
        JsonNode document = new ObjectMapper().readTree(json.out());
        assertThat(document.get("jarsWithoutProvider")).extracting(JsonNode::asText)
                .containsExactly(noProcessor.toString());
    }

    @Test
    @DisplayName("without --providers-dir, or with only provider jars, there is no such section")
    void noSection() throws IOException {
        VendorJar.installInto(dir, "vendor.jar");
        assertThat(CliRun.run("providers").out()).doesNotContain("declare no provider");
        assertThat(CliRun.run("--providers-dir", dir.toString(), "providers").out()).doesNotContain("declare no provider");
    }

    @Test
    @DisplayName("in a real process: --providers-dir providers and SECRETSTORE_PROVIDERS=providers, relative to the working directory")
    void relativeDirectoryNamedProviders() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        VendorJar.installInto(Files.createDirectories(work.resolve("providers")), "vendor.jar");

        Outcome option = java(work, null, "--providers-dir", "providers", "providers");
        Outcome env = java(work, "providers", "providers");

        assertThat(option.exitCode()).as(option.out()).isZero();
        assertThat(option.out()).contains("example-keystore  (type example-keystore");
        assertThat(env.exitCode()).as(env.out()).isZero();
        assertThat(env.out()).contains("example-keystore  (type example-keystore");
    }

    private record Outcome(int exitCode, String out) {
    }

    private Outcome java(Path workingDirectory, String providersEnv, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.secretstore.cli.Main"));
        command.addAll(List.of(args));
        Path output = dir.resolve("out-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Files.write(dir.resolve("empty-stdin"), new byte[0]).toFile()));
        builder.environment().remove("SECRETSTORE_PROVIDERS");
        if (providersEnv != null) {
            builder.environment().put("SECRETSTORE_PROVIDERS", providersEnv);
        }
        Process process = builder.start();
        try {
            // Generous: a loaded 2-core CI machine starts JVMs slowly. The bound only stops a hung child.
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
            return new Outcome(process.exitValue(), Files.readString(output));
        } finally {
            process.destroyForcibly();
        }
    }
}
