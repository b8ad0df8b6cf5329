package dev.secretstore.emulator.gcp;

import static dev.secretstore.emulator.gcp.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.rpc.StatusCode.Code;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin endpoint under /_emulator/ (plain HTTP, JDK client); the effects are observed through the Google client.
 */
class AdminEndpointTest {
  private static final String PARENT = "projects/" + Clients.PROJECT;
  private static SecretManagerEmulator emulator;
  private static SecretManagerServiceClient client;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    emulator = SecretManagerEmulator.builder().build().start();
    client = Clients.plaintext(emulator);
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.stop();
  }

  @BeforeEach
  void reset() throws Exception {
    assertThat(send("POST", "reset", "").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(emulator.httpEndpoint().resolve("_emulator/" + path))
        .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
        .timeout(java.time.Duration.ofSeconds(60)) // bounds a hang only; no test measures speed
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  @Test
  void infoListsAddressesAccountsAndProjects() throws Exception {
    JsonObject info = json(send("GET", "info", ""));
    assertThat(info.get("grpcTls").getAsString()).isEqualTo(emulator.grpcTlsTarget());
    assertThat(info.get("grpcPlaintext").getAsString()).isEqualTo(emulator.grpcPlaintextTarget());
    assertThat(info.get("serviceAccounts").toString()).contains(Clients.ADMIN, Clients.VIEWER);
    assertThat(info.get("projects").toString()).contains("emulator-project", "100000000001");
    assertThat(info.get("defaultPrincipal").getAsString()).isEqualTo("user:developer@emulator.local");
  }

  @Test
  void keyFilesAreServedAndWritten(@TempDir Path dir) throws Exception {
    HttpResponse<String> served = send("GET", "keys/" + Clients.ADMIN, "");
    ServiceAccountCredentials fromBody = ServiceAccountCredentials.fromStream(new ByteArrayInputStream(
        served.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(fromBody.getClientEmail()).isEqualTo(Clients.ADMIN);
    Path file = dir.resolve("k/admin.json");
    json(send("POST", "keys/" + Clients.ADMIN, "{\"path\":\"" + file.toString().replace("\\", "\\\\") + "\"}"));
    assertThat(Files.readString(file)).isEqualTo(served.body());
    assertThat(send("GET", "keys/unknown@x.iam.gserviceaccount.com", "").statusCode()).isEqualTo(400);
  }

  @Test
  void certificateIsTheOneTheTlsPortPresents() throws Exception {
    HttpResponse<String> pem = send("GET", "certificate", "");
    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(pem.body().getBytes(StandardCharsets.US_ASCII)));
    assertThat(cert).isEqualTo(emulator.certificate());
  }

  @Test
  void plantFaultsLatencyQuotasCountsAndDefaultPrincipal() throws Exception {
    assertThat(json(send("POST", "secrets", "{\"project\":\"emulator-project\",\"secretId\":\"via-admin\","
        + "\"labels\":{\"a\":\"b\"},\"versions\":[\"one\",{\"dataBase64\":\"dHdv\"}]}")).get("name").getAsString())
        .isEqualTo("projects/100000000001/secrets/via-admin");
    assertThat(client.accessSecretVersion(PARENT + "/secrets/via-admin/versions/latest").getPayload().getData()
        .toStringUtf8()).isEqualTo("two");

    // CreateSecret is not retried by the client, so the fault surfaces at once.
    json(send("POST", "faults", "{\"code\":\"UNAVAILABLE\",\"method\":\"CreateSecret\"}"));
    assertFails(() -> client.createSecret(PARENT, "blocked", SecretLifecycleTest.automatic()), Code.UNAVAILABLE,
        "unavailable");
    json(send("DELETE", "faults", ""));
    assertThat(client.getSecret(PARENT + "/secrets/via-admin").getLabelsMap()).containsEntry("a", "b");

    // GetSecret is not retried on RESOURCE_EXHAUSTED by the client (AccessSecretVersion is, with backoff).
    json(send("PUT", "quotas", "{\"kind\":\"READ\",\"perMinute\":0}"));
    assertFails(() -> client.getSecret(PARENT + "/secrets/via-admin"), Code.RESOURCE_EXHAUSTED,
        "Quota exceeded for quota metric 'Read requests'");
    json(send("PUT", "quotas", "{\"kind\":\"READ\",\"perMinute\":null}"));

    json(send("PUT", "latency", "{\"millis\":0}"));
    JsonObject counts = json(send("GET", "requests", ""));
    assertThat(counts.getAsJsonObject("byMethod").get("CreateSecret").getAsLong()).isEqualTo(1);
    assertThat(counts.getAsJsonObject("byMethod").get("GetSecret").getAsLong()).isEqualTo(2);
    assertThat(counts.getAsJsonObject("byMethod").get("AccessSecretVersion").getAsLong()).isEqualTo(1);
    assertThat(counts.get("total").getAsLong()).isEqualTo(4);
    json(send("DELETE", "requests", ""));
    assertThat(json(send("GET", "requests", "")).get("total").getAsLong()).isZero();

    json(send("PUT", "default-principal", "{\"enabled\":false}"));
    assertFails(() -> client.getSecret(PARENT + "/secrets/via-admin"), Code.UNAUTHENTICATED, "missing");
    json(send("PUT", "default-principal", "{\"enabled\":true}"));
  }

  @Test
  void stateCanBeLoadedOverHttp() throws Exception {
    json(send("POST", "state", "{\"autoCreateProjects\":false,\"projects\":[{\"id\":\"loaded\",\"number\":3}],"
        + "\"secrets\":[{\"project\":\"loaded\",\"secretId\":\"s\",\"versions\":[{\"data\":\"x\"}]}]}"));
    assertThat(client.accessSecretVersion("projects/loaded/secrets/s/versions/1").getName())
        .isEqualTo("projects/3/secrets/s/versions/1");
    assertThat(send("POST", "state", "{\"projects\":[{\"id\":\"no-number\"}]}").statusCode()).isEqualTo(400);
    json(send("POST", "state", SecretManagerEmulator.defaultStateJson()));
  }

  @Test
  void unknownAdminPathsAreNotFound() throws Exception {
    assertThat(send("GET", "nothing-here", "").statusCode()).isEqualTo(404);
    assertThat(http.send(HttpRequest.newBuilder(URI.create(emulator.httpEndpoint() + "elsewhere")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }
}
