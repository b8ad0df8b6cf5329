package dev.secretstore.emulator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.secretstore.emulator.testing.ChildProcess;
import dev.secretstore.emulator.testing.NodeProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google's Node.js client ({@code @google-cloud/secret-manager}, pinned with its lock file in {@code src/test/node})
 * over gRPC (TLS with service-account keys; the plaintext port without credentials) and over its REST fallback
 * (HTTP port, service-account keys). The script is copied under
 * {@code target/} and installed there with {@code npm ci}; where node or npm is missing or the install fails (no
 * registry, say), the test is skipped with that reason. The script only reports what the client saw, as JSON.
 */
class NodeClientTest {
  private static final Path SOURCE = Path.of("src/test/node");
  private static final Path INSTALL = Path.of("target/node-client");
  private static final String NUMBER = "projects/100000000001";
  /** Bounds on a hang, not speed checks. */
  private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);

  @Test
  void grpcAndRestFlowsWithServiceAccountKeys(@TempDir Path dir) throws IOException {
    NodeProject client = NodeProject.copyOf(SOURCE, INSTALL);
    client.whyToolsMissing().ifPresent(why -> Assumptions.abort("Node client not run: " + why));
    installClient(client);

    try (SecretManagerEmulator emulator = SecretManagerEmulator.builder().build().start()) {
      JsonObject config = new JsonObject();
      config.addProperty("project", Clients.PROJECT);
      config.addProperty("grpcTls", emulator.grpcTlsTarget());
      config.addProperty("grpcPlaintext", emulator.grpcPlaintextTarget());
      config.addProperty("http", emulator.httpEndpoint().getHost() + ":" + emulator.httpEndpoint().getPort());
      config.addProperty("certificate", emulator.writeCertificate(dir.resolve("cert.pem")).toString());
      config.addProperty("adminKeyFile", emulator.control().writeKeyFile(Clients.ADMIN, dir.resolve("admin.json"))
          .toString());
      config.addProperty("nobodyKeyFile", emulator.control().writeKeyFile(Clients.NOBODY,
          dir.resolve("nobody.json")).toString());
      config.addProperty("secretId", "node-client");
      Path configFile = Files.writeString(dir.resolve("config.json"), config.toString());

      // Nothing inherited: no GOOGLE_APPLICATION_CREDENTIALS, no machine-wide CA or gRPC roots settings.
      Map<String, String> env = new HashMap<>();
      env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
      ChildProcess.Result run = ChildProcess.command("node", "secret-manager-flow.js", configFile.toString())
          .environment(env).workingDirectory(client.directory()).outputDirectory(dir.resolve("output"))
          .timeout(FLOW_TIMEOUT).run();
      assertThat(run.succeeded()).as(run.describe()).isTrue();
      JsonObject seen = JsonParser.parseString(run.stdout().strip()).getAsJsonObject();
      String name = NUMBER + "/secrets/node-client";

      JsonObject created = seen.getAsJsonObject("created");
      assertThat(created.get("name").getAsString()).isEqualTo(name);
      assertThat(created.getAsJsonObject("labels").toString()).isEqualTo("{\"client\":\"node\",\"env\":\"test\"}");

      byte[] value = "node-client value \u00e9\u2603".getBytes(StandardCharsets.UTF_8);
      CRC32C crc = new CRC32C();
      crc.update(value);
      JsonObject added = seen.getAsJsonObject("added");
      assertThat(added.get("name").getAsString()).isEqualTo(name + "/versions/1");
      assertThat(added.get("state").getAsString()).isEqualTo("ENABLED");
      // The script's own CRC32C must be the real one, or the checks below would prove nothing.
      assertThat(added.get("sentCrc32c").getAsString()).isEqualTo(Long.toString(crc.getValue()));
      assertThat(added.get("clientSpecifiedPayloadChecksum").getAsBoolean()).isTrue();
      assertThat(seen.getAsJsonObject("crcMismatch").get("code").getAsInt()).isEqualTo(3); // INVALID_ARGUMENT

      JsonObject accessed = seen.getAsJsonObject("accessed");
      assertThat(accessed.get("name").getAsString()).isEqualTo(name + "/versions/1");
      assertThat(Base64.getDecoder().decode(accessed.get("dataBase64").getAsString())).isEqualTo(value);
      assertThat(accessed.get("dataCrc32c").getAsString()).isEqualTo(Long.toString(crc.getValue()));

      assertThat(seen.getAsJsonArray("listed").toString()).isEqualTo("[\"" + name + "\"]");

      JsonObject notFound = seen.getAsJsonObject("notFound");
      assertThat(notFound.get("code").getAsInt()).isEqualTo(5);
      assertThat(notFound.get("message").getAsString()).isEqualTo("Secret [" + name + "-missing] not found.");

      // Also the proof that the TLS clients send their key's JWT: the default principal would have been allowed.
      JsonObject denied = seen.getAsJsonObject("permissionDenied");
      assertThat(denied.get("code").getAsInt()).isEqualTo(7);
      assertThat(denied.get("message").getAsString()).isEqualTo("Permission 'secretmanager.versions.access' denied "
          + "for resource 'projects/emulator-project/secrets/node-client/versions/latest' (or it may not exist).");

      assertThat(seen.getAsJsonObject("afterDelete").get("code").getAsInt()).isEqualTo(5);

      JsonObject plaintext = seen.getAsJsonObject("plaintext");
      assertThat(plaintext.get("name").getAsString()).isEqualTo(NUMBER + "/secrets/node-client-plaintext/versions/1");
      assertThat(plaintext.get("data").getAsString()).isEqualTo("plain");

      JsonObject rest = seen.getAsJsonObject("rest");
      String restName = NUMBER + "/secrets/node-client-rest";
      assertThat(rest.get("created").getAsString()).isEqualTo(restName);
      assertThat(rest.get("added").getAsString()).isEqualTo(restName + "/versions/1");
      byte[] restValue = "rest value \u00e9".getBytes(StandardCharsets.UTF_8);
      CRC32C restCrc = new CRC32C();
      restCrc.update(restValue);
      assertThat(rest.getAsJsonObject("accessed").get("data").getAsString()).isEqualTo("rest value \u00e9");
      assertThat(rest.getAsJsonObject("accessed").get("dataCrc32c").getAsString())
          .isEqualTo(Long.toString(restCrc.getValue()));
      assertThat(rest.getAsJsonArray("listed").toString()).isEqualTo("[\"" + restName + "\"]");
      assertThat(rest.getAsJsonObject("permissionDenied").get("code").getAsInt()).isEqualTo(7);
      assertThat(rest.getAsJsonObject("permissionDenied").get("message").getAsString()).isEqualTo("Permission "
          + "'secretmanager.versions.access' denied for resource 'projects/emulator-project/secrets/node-client-rest/"
          + "versions/latest' (or it may not exist).");
      // The REST fallback takes the code from the JSON error's status, so FAILED_PRECONDITION survives HTTP 400.
      assertThat(rest.getAsJsonObject("disabled").get("code").getAsInt()).isEqualTo(9);
      assertThat(rest.getAsJsonObject("disabled").get("message").getAsString())
          .isEqualTo("Secret Version [" + restName + "/versions/1] is in DISABLED state.");
      assertThat(rest.getAsJsonObject("afterDelete").get("code").getAsInt()).isEqualTo(5);

      assertThat(emulator.control().requestCounts()).containsEntry("CreateSecret", 3L)
          .containsEntry("DeleteSecret", 3L);
    }
  }

  /**
   * Runs {@code npm ci} in the copy under target/ once per lock file: a marker holding the lock file's content says
   * the install finished. A failed install skips the test (the machine has no registry or cache), it is not a
   * verdict on the emulator.
   */
  private static void installClient(NodeProject client) throws IOException {
    String lock = Files.readString(SOURCE.resolve("package-lock.json"));
    Path marker = INSTALL.resolve("installed-lock.json");
    if (Files.isDirectory(INSTALL.resolve("node_modules")) && Files.exists(marker)
        && Files.readString(marker).equals(lock)) {
      return;
    }
    Files.deleteIfExists(marker);
    // One quick retry: an unreachable registry should skip within seconds, not after npm's minute of backoff.
    client.installOrSkip("the Node client", INSTALL_TIMEOUT, "--prefer-offline", "--fetch-retries=1",
        "--fetch-retry-mintimeout=2000", "--fetch-retry-maxtimeout=10000");
    try (Stream<Path> installed = Files.list(INSTALL.resolve("node_modules/@google-cloud"))) {
      assertThat(installed.map(p -> p.getFileName().toString())).contains("secret-manager");
    }
    Files.writeString(marker, lock);
  }
}
