package dev.secretstore.emulator.gcp;

import static dev.secretstore.emulator.gcp.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.api.gax.rpc.StatusCode.Code;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.secretstore.emulator.testing.ChildProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Google Cloud CLI (the installed {@code gcloud}) against the emulator's REST ports, as a user would point it
 * at it: {@code api_endpoint_overrides/secretmanager}, a key file the emulator wrote, activated with
 * {@code gcloud auth activate-service-account} (gcloud then fetches access tokens from the emulator's
 * {@code token_uri}). Skipped, with that reason, where gcloud is not installed. Invocations are few on purpose:
 * each starts a Python interpreter.
 */
class GcloudTest {
  private static final String NUMBER = "projects/100000000001";

  @TempDir
  static Path dir;
  private static SecretManagerEmulator emulator;
  private static Gcloud gcloud;
  private static String http;
  private static Path certificate;

  @BeforeAll
  static void start() throws IOException {
    Optional<Path> executable = Gcloud.onPath();
    if (executable.isEmpty()) {
      return; // each test then reports itself skipped (surefire does not report a class-level abort)
    }
    emulator = SecretManagerEmulator.builder().build().start();
    http = emulator.httpEndpoint().toString();
    certificate = emulator.writeCertificate(dir.resolve("emulator-cert.pem"));
    Path adminKey = emulator.control().writeKeyFile(Clients.ADMIN, dir.resolve("admin.json"));
    Files.createDirectories(dir.resolve("home"));
    gcloud = new Gcloud(executable.get(), dir, Clients.PROJECT);
    ChildProcess.Result activated = gcloud.run(http, Map.of(), "auth", "activate-service-account",
        "--key-file=" + adminKey);
    assertThat(activated.succeeded()).as(activated.describe()).isTrue();
    assertThat(activated.stderr()).contains("Activated service account credentials for: [" + Clients.ADMIN + "]");
  }

  @BeforeEach
  void requireGcloud() {
    assumeTrue(gcloud != null, "gcloud (Google Cloud CLI) is not on the PATH; gcloud checks not run");
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.stop();
    }
  }

  private static JsonObject json(ChildProcess.Result r) {
    assertThat(r.succeeded()).as(r.describe()).isTrue();
    return JsonParser.parseString(r.stdout()).getAsJsonObject();
  }

  private static ChildProcess.Result gcloud(String... args) {
    return gcloud.run(http, Map.of(), args);
  }

  private static Map<String, String> labels(JsonObject secret) {
    Map<String, String> labels = new java.util.TreeMap<>();
    secret.getAsJsonObject("labels").entrySet().forEach(e -> labels.put(e.getKey(), e.getValue().getAsString()));
    return labels;
  }

  @Test
  void secretAndVersionLifecycle() throws IOException {
    String id = "gcloud-lifecycle";
    String name = NUMBER + "/secrets/" + id;
    emulator.control().plantSecret(ExistingSecret.builder(Clients.PROJECT, "gcloud-other")
        .label("env", "prod").version("someone else's").build());
    Path first = Files.writeString(dir.resolve("first.txt"), "first value \u00e9");
    // Not valid UTF-8: the value must travel as bytes through gcloud's base64 handling.
    byte[] secondValue = {0, (byte) 0xff, (byte) 0xfe, 'g', 'c', '\n', (byte) 0x80};
    Path second = Files.write(dir.resolve("second.bin"), secondValue);
    Path accessed = dir.resolve("accessed.bin");

    JsonObject created = json(gcloud("secrets", "create", id, "--labels=env=dev,team=payments",
        "--data-file=" + first, "--format=json"));
    assertThat(created.get("name").getAsString()).isEqualTo(name);
    assertThat(labels(created)).containsExactlyEntriesOf(new java.util.TreeMap<>(
        Map.of("env", "dev", "team", "payments")));
    assertThat(created.getAsJsonObject("replication").has("automatic")).isTrue();

    JsonObject added = json(gcloud("secrets", "versions", "add", id, "--data-file=" + second, "--format=json"));
    assertThat(added.get("name").getAsString()).isEqualTo(name + "/versions/2");
    assertThat(added.get("state").getAsString()).isEqualTo("ENABLED");

    ChildProcess.Result access = gcloud("secrets", "versions", "access", "latest", "--secret=" + id,
        "--out-file=" + accessed);
    assertThat(access.succeeded()).as(access.describe()).isTrue();
    assertThat(Files.readAllBytes(accessed)).isEqualTo(secondValue);

    ChildProcess.Result list = gcloud("secrets", "list", "--filter=labels.env=dev", "--format=json");
    assertThat(list.succeeded()).as(list.describe()).isTrue();
    List<String> listed = new ArrayList<>();
    for (JsonElement e : JsonParser.parseString(list.stdout()).getAsJsonArray()) {
      listed.add(e.getAsJsonObject().get("name").getAsString());
    }
    assertThat(listed).containsExactly(name);

    JsonObject updated = json(gcloud("secrets", "update", id, "--update-labels=env=prod", "--remove-labels=team",
        "--format=json"));
    assertThat(labels(updated)).containsExactlyEntriesOf(Map.of("env", "prod"));

    assertThat(json(gcloud("secrets", "versions", "disable", "2", "--secret=" + id, "--format=json"))
        .get("state").getAsString()).isEqualTo("DISABLED");
    ChildProcess.Result refused = gcloud("secrets", "versions", "access", "latest", "--secret=" + id,
        "--out-file=" + dir.resolve("refused.bin"));
    assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(1);
    assertThat(refused.stderr()).contains("ERROR: (gcloud.secrets.versions.access) FAILED_PRECONDITION: Secret Version ["
        + name + "/versions/2] is in DISABLED state.");
    assertThat(json(gcloud("secrets", "versions", "enable", "2", "--secret=" + id, "--format=json"))
        .get("state").getAsString()).isEqualTo("ENABLED");
    JsonObject destroyed = json(gcloud("secrets", "versions", "destroy", "1", "--secret=" + id, "--format=json"));
    assertThat(destroyed.get("state").getAsString()).isEqualTo("DESTROYED");
    assertThat(destroyed.has("destroyTime")).isTrue();

    // The HTTPS port, trusting the emulator's certificate through gcloud's own setting (as an environment
    // property; `gcloud config set core/custom_ca_certs_file` is the same property).
    ChildProcess.Result described = gcloud.run(emulator.httpsEndpoint().toString(),
        Map.of("CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE", certificate.toString()),
        "secrets", "versions", "describe", "1", "--secret=" + id, "--format=json");
    JsonObject version1 = json(described);
    assertThat(version1.get("name").getAsString()).isEqualTo(name + "/versions/1");
    assertThat(version1.get("state").getAsString()).isEqualTo("DESTROYED");

    ChildProcess.Result deleted = gcloud("secrets", "delete", id);
    assertThat(deleted.succeeded()).as(deleted.describe()).isTrue();
    assertThat(deleted.stderr()).contains("Deleted secret [" + id + "].");
    try (SecretManagerServiceClient java = Clients.plaintext(emulator)) {
      assertFails(() -> java.getSecret(name), Code.NOT_FOUND, "Secret [" + name + "] not found.");
      assertThat(java.getSecret(NUMBER + "/secrets/gcloud-other").getLabelsMap()).containsEntry("env", "prod");
    }
  }

  @Test
  void iamBindingGrantsWhatWasRefused() throws IOException {
    String id = "gcloud-iam";
    String nobody = "serviceAccount:" + Clients.NOBODY;
    emulator.control().plantSecret(ExistingSecret.builder(Clients.PROJECT, id).version("iam value").build());
    // The account without a role, through gcloud's access-token-file route (a token from the emulator's /token).
    GoogleCredentials nobodyCredentials = Clients.keyCredentials(emulator, Clients.NOBODY)
        .createScoped("https://www.googleapis.com/auth/cloud-platform");
    nobodyCredentials.refresh();
    Path tokenFile = Files.writeString(dir.resolve("nobody-token"),
        nobodyCredentials.getAccessToken().getTokenValue(), StandardCharsets.US_ASCII);

    ChildProcess.Result denied = gcloud.run(http, Map.of("CLOUDSDK_AUTH_ACCESS_TOKEN_FILE", tokenFile.toString()),
        "secrets", "versions", "access", "latest", "--secret=" + id, "--out-file=" + dir.resolve("denied.bin"));
    assertThat(denied.exitCode()).as(denied.describe()).isEqualTo(1);
    assertThat(denied.stderr()).contains("PERMISSION_DENIED: Permission 'secretmanager.versions.access' denied for "
        + "resource 'projects/" + Clients.PROJECT + "/secrets/" + id + "/versions/latest' (or it may not exist).");
    assertThat(dir.resolve("denied.bin")).doesNotExist();

    JsonObject policy = json(gcloud("secrets", "add-iam-policy-binding", id, "--member=" + nobody,
        "--role=roles/secretmanager.secretAccessor", "--format=json"));
    // gcloud sends version 3; without conditions IAM answers version 1 (as documented for every IAM policy).
    assertThat(policy.get("version").getAsInt()).isEqualTo(1);
    JsonArray bindings = policy.getAsJsonArray("bindings");
    assertThat(bindings).hasSize(1);
    assertThat(bindings.get(0).getAsJsonObject().get("role").getAsString())
        .isEqualTo("roles/secretmanager.secretAccessor");
    assertThat(bindings.get(0).getAsJsonObject().getAsJsonArray("members").get(0).getAsString()).isEqualTo(nobody);

    // The binding gcloud wrote is what the service enforces: the same account may now read the secret.
    try (SecretManagerServiceClient asNobody = Clients.serviceAccount(emulator, Clients.NOBODY)) {
      assertThat(asNobody.accessSecretVersion(NUMBER + "/secrets/" + id + "/versions/latest").getPayload().getData()
          .toStringUtf8()).isEqualTo("iam value");
    }
  }
}
