package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("secretstore providers")
class ProvidersCommandTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("lists the bundled local provider with its capabilities and config fields")
    void listsTheLocalProvider() {
        CliRun.Result result = CliRun.run("providers");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("local  (type local").contains("capabilities:").contains("VERSIONS")
                .containsPattern("keyFile\\s+string\\s+optional")
                .containsPattern("readOnly\\s+boolean\\s+optional");
    }

    @Test
    @DisplayName("lists a vendor's provider when its jar is in --providers-dir, and not otherwise")
    void listsAThirdPartyProviderFromItsJar() throws IOException {
        assertThat(CliRun.run("providers").out()).doesNotContain("example-keystore");
        VendorJar.installInto(dir, "keystore-vault-provider.jar");

        CliRun.Result result = CliRun.run("--providers-dir", dir.toString(), "providers");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("example-keystore  (type example-keystore, version "
                        + VendorJar.implementationVersion(dir.resolve("keystore-vault-provider.jar")) + ")")
                .containsPattern("keystoreFile\\s+string\\s+required")
                .containsPattern("password\\s+string\\s+optional\\s+secret")
                .contains("local  (type local");
        CliRun.Result after = CliRun.run("providers", "--providers-dir", dir.toString());
        assertThat(after.exitCode()).as("--providers-dir after the subcommand: " + after).isZero();
        assertThat(after.out()).contains("example-keystore  (type example-keystore");
    }

    @Test
    @DisplayName("the vendor's store works through every command; its deletes are permanent (no soft delete)")
    void vendorStoreThroughTheCommands() throws IOException {
        VendorJar.installInto(dir, "vendor.jar");
        Path config = Files.writeString(dir.resolve("vault.json"), "{\"provider\": \"example-keystore\", "
                + "\"keystoreFile\": \"" + dir.resolve("vault.p12") + "\", \"password\": \"vault-password-1\"}");
        String[] vendor = {"--providers-dir", dir.toString()};

        CliRun.Result put = CliRun.withStdin("vendor-value", concat(vendor, "put", "a/b", "--config", config.toString()));
        CliRun.Result get = CliRun.run(concat(vendor, "get", "a/b", "--config", config.toString()));
        CliRun.Result delete = CliRun.run(concat(vendor, "delete", "a/b", "--config", config.toString()));
        CliRun.Result window = CliRun.run(concat(vendor, "delete", "a/b", "--recovery-days", "3", "--config",
                config.toString()));

        assertThat(put.exitCode()).as(put.toString()).isZero();
        assertThat(get.out().strip()).isEqualTo("vendor-value");
        assertThat(delete.out()).contains("permanently: this store has no soft delete");
        assertThat(window.exitCode()).isEqualTo(2);
        assertThat(window.err()).contains("does not support SOFT_DELETE");
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    @Test
    @DisplayName("--output json describes every provider and field, including which fields are secret")
    void jsonOutput() throws IOException {
        VendorJar.installInto(dir, "vendor.jar");

        CliRun.Result result = CliRun.run("--providers-dir", dir.toString(), "providers", "--output", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode document = new ObjectMapper().readTree(result.out());
        JsonNode vendor = null;
        for (JsonNode p : document.get("providers")) {
            if (p.get("name").asText().equals("example-keystore")) {
                vendor = p;
            }
        }
        assertThat(vendor).as(result.out()).isNotNull();
        assertThat(vendor.get("source").asText()).endsWith("vendor.jar");
        JsonNode password = null;
        for (JsonNode f : vendor.get("configFields")) {
            if (f.get("name").asText().equals("password")) {
                password = f;
            }
        }
        assertThat(password.get("secret").asBoolean()).isTrue();
        assertThat(password.get("required").asBoolean()).isFalse();
        assertThat(document.get("failures").isArray()).isTrue();
    }

    @Test
    @DisplayName("a broken provider jar is reported and the others are still listed")
    void brokenProviderJar() throws IOException {
        Path jar = dir.resolve("broken.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/dev.secretstore.spi.SecretStoreProvider"));
            out.write("com.example.missing.NoSuchProvider\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        CliRun.Result result = CliRun.run("--providers-dir", dir.toString(), "providers");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("local  (type local")
                .contains("Providers that failed to load").contains("com.example.missing.NoSuchProvider");
    }

    @Test
    @DisplayName("--providers-dir that is not a directory is a usage error (exit 2)")
    void providersDirMustExist() {
        CliRun.Result result = CliRun.run("--providers-dir", dir.resolve("absent").toString(), "providers");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--providers-dir").contains("is not a directory");
    }
}
