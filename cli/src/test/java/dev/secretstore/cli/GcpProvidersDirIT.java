package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.emulator.gcp.SecretManagerEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GCP provider as a user installs it for the CLI: {@code secretstore --providers-dir
 * providers/gcp/target/providers}, the CLI's runnable jar in a child JVM (no Google client on its class path), against
 * a GCP emulator in this JVM (gRPC over TLS, its certificate in {@code caCertificateFile}). {@code verify} with a key in
 * the config and with Application Default Credentials from {@code GOOGLE_APPLICATION_CREDENTIALS} (as the module
 * README shows it), {@code policy gcp} and {@code conformance}. Runs after {@code package} (failsafe). Each command is
 * bounded to 90 s.
 */
class GcpProvidersDirIT {

    private static final String ADMIN = "admin@" + SecretManagerEmulator.DEFAULT_PROJECT + ".iam.gserviceaccount.com";

    @TempDir
    static Path dir;
    private static SecretManagerEmulator emulator;
    private static Path certificate;
    private static Path keyFile;

    @BeforeAll
    static void start() {
        emulator = SecretManagerEmulator.builder().build().start();
        certificate = emulator.writeCertificate(dir.resolve("emulator.pem"));
        keyFile = emulator.control().writeKeyFile(ADMIN, dir.resolve("admin.json"));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Path config(String name, Map<String, Object> fields) throws IOException {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("provider", "gcp");
        c.put("projectId", SecretManagerEmulator.DEFAULT_PROJECT);
        c.put("endpoint", emulator.grpcTlsTarget());
        c.put("caCertificateFile", certificate.toString());
        c.putAll(fields);
        return Files.writeString(dir.resolve(name), new ObjectMapper().writeValueAsString(c));
    }

    private static String privateKeyLine() throws IOException {
        String pem = new ObjectMapper().readTree(keyFile.toFile()).path("private_key").asText();
        return pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    }

    @Test
    void providersListsGcpLoadedFromTheDirectory() throws Exception {
        Result r = cli(Map.of(), "providers");

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("gcp").contains("credentialsJson").contains("WORKLOAD_IDENTITY")
                .contains("from: ").doesNotContain("failed to load");
    }

    @Test
    void verifyWithAKeyInTheConfigPassesAndSaysDeletionIsPermanent() throws Exception {
        Path config = config("gcp-key.json", Map.of("auth_type", "SERVICE_ACCOUNT_KEY",
                "credentialsJson", Files.readString(keyFile)));
        long creates = emulator.control().requestCount("CreateSecret");

        Result r = cli(Map.of(), "verify", "--config", config.toString());

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("created ").contains("projects/100000000001/secrets/")
                .contains("deletion is permanent").doesNotContain(privateKeyLine()).doesNotContain("SLF4J");
        assertThat(emulator.control().requestCount("CreateSecret") - creates).isEqualTo(1);
    }

    @Test
    void verifyWithApplicationDefaultCredentialsFromTheEnvironment() throws Exception {
        Path config = config("gcp-adc.json", Map.of("auth_type", "WORKLOAD_IDENTITY"));

        Result r = cli(Map.of("GOOGLE_APPLICATION_CREDENTIALS", keyFile.toString()), "verify", "--config",
                config.toString());

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("verification passed").doesNotContain(privateKeyLine());
    }

    @Test
    void policyPrintsTheConditionedGcloudCommands() throws Exception {
        Result r = cli(Map.of(), "policy", "gcp", "--project", "my-project", "--service-account",
                "airbyte@my-project.iam.gserviceaccount.com", "--name-prefix", "airbyte_");

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.stdout)
                .contains("PROJECT_NUMBER=\"$(gcloud projects describe my-project --format='value(projectNumber)')\"")
                .contains("gcloud projects add-iam-policy-binding my-project \\")
                .contains("--member=serviceAccount:airbyte@my-project.iam.gserviceaccount.com \\")
                .contains("--role=roles/secretmanager.admin \\")
                .contains("--condition=\"expression=resource.name.startsWith("
                        + "\\\"projects/${PROJECT_NUMBER}/secrets/airbyte_\\\")");
    }

    @Test
    void conformanceRunsTheKitAgainstTheConfiguredStore() throws Exception {
        Path config = config("gcp-conformance.json", Map.of("auth_type", "SERVICE_ACCOUNT_KEY",
                "credentialsJson", Files.readString(keyFile), "namePrefix", "cli_"));

        Result r = cli(Map.of(), "conformance", "--config", config.toString());

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("conformance passed").contains("Round-trip")
                .doesNotContain(privateKeyLine());
    }

    private record Result(int exit, String stdout, String output) {
    }

    private static Result cli(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("secretstore.cli.jar"));
        Path providers = Path.of(System.getProperty("secretstore.gcp.providers.dir"));
        assertThat(jar).isRegularFile();
        assertThat(providers).isDirectory();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--providers-dir", providers.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "secretstore-cli", ".out");
        Path err = Files.createTempFile(dir, "secretstore-cli", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // The child finds only the credentials this test gives it, never the machine's.
        builder.environment().remove("GOOGLE_APPLICATION_CREDENTIALS");
        builder.environment().putAll(environment);
        Process p = builder.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the CLI did not finish within 90 s: " + String.join(" ", args));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        return new Result(p.exitValue(), stdout, stdout + Files.readString(err, StandardCharsets.UTF_8));
    }
}
