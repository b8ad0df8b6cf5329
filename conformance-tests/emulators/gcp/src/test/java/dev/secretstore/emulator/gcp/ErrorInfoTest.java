package dev.secretstore.emulator.gcp;

import static dev.secretstore.emulator.gcp.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.ErrorDetails;
import com.google.api.gax.rpc.StatusCode.Code;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The front end's project-level refusals with their {@code google.rpc.ErrorInfo} (AIP-193; reasons from
 * {@code google/api/error_reason.proto}): over gRPC in the {@code grpc-status-details-bin} trailer, read through the
 * official client's {@code ApiException.getErrorDetails()}; over REST in {@code error.details}.
 */
class ErrorInfoTest {
  private static final String PARENT = "projects/" + Clients.PROJECT;
  private static final String NUMBER = "100000000001";
  private static final HttpClient http = HttpClient.newHttpClient();
  private static SecretManagerEmulator emulator;
  private static EmulatorControl control;
  private static SecretManagerServiceClient client;

  @BeforeAll
  static void start() {
    emulator = SecretManagerEmulator.builder().build().start();
    control = emulator.control();
    client = Clients.plaintext(emulator);
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.stop();
  }

  @BeforeEach
  void reset() {
    control.loadState(SecretManagerEmulator.defaultStateJson());
    control.reset();
  }

  @Test
  void disabledApiSendsServiceDisabledErrorInfoInTheStatusTrailer() {
    control.plantSecret(ExistingSecret.builder(Clients.PROJECT, "present").version("v").build());
    control.addFault(Fault.of(Fault.Kind.SERVICE_DISABLED).onlyFor("GetSecret").times(1));

    ApiException e = assertFails(() -> client.getSecret(PARENT + "/secrets/present"), Code.PERMISSION_DENIED,
        "Secret Manager API has not been used in project " + NUMBER + " before or it is disabled.");

    ErrorDetails details = e.getErrorDetails();
    assertThat(details).isNotNull();
    assertThat(details.getErrorInfo().getReason()).isEqualTo("SERVICE_DISABLED");
    assertThat(details.getErrorInfo().getDomain()).isEqualTo("googleapis.com");
    assertThat(details.getErrorInfo().getMetadataMap())
        .containsEntry("service", "secretmanager.googleapis.com")
        .containsEntry("consumer", "projects/" + NUMBER)
        .containsEntry("activationUrl",
            "https://console.developers.google.com/apis/api/secretmanager.googleapis.com/overview?project=" + NUMBER);
    assertThat(e.getReason()).isEqualTo("SERVICE_DISABLED");
    assertThat(e.getDomain()).isEqualTo("googleapis.com");
    assertThat(details.getHelp().getLinks(0).getUrl()).contains("secretmanager.googleapis.com");
    assertThat(details.getLocalizedMessage().getMessage()).startsWith("Secret Manager API has not been used");
    // A counted fault is used up: the next call is served.
    assertThat(client.getSecret(PARENT + "/secrets/present").getName()).endsWith("/secrets/present");
  }

  @Test
  void projectLevelFaultsComeAfterAuthentication() {
    control.addFault(Fault.of(Fault.Kind.SERVICE_DISABLED).times(1));
    control.setDefaultPrincipalEnabled(false);
    assertFails(() -> client.getSecret(PARENT + "/secrets/any"), Code.UNAUTHENTICATED, "missing");
    control.setDefaultPrincipalEnabled(true);

    ApiException e = assertFails(() -> client.getSecret(PARENT + "/secrets/any"), Code.PERMISSION_DENIED,
        "Secret Manager API has not been used");
    assertThat(e.getReason()).isEqualTo("SERVICE_DISABLED");
  }

  @Test
  void injectedConsumerInvalidNamesTheProjectAsWritten() {
    control.addFault(Fault.of(Fault.Kind.CONSUMER_INVALID).onlyFor("ListSecrets"));

    ApiException e = assertFails(() -> client.listSecrets(PARENT).iterateAll().iterator().next(),
        Code.PERMISSION_DENIED, "Permission denied on resource project " + Clients.PROJECT + ".");

    assertThat(e.getReason()).isEqualTo("CONSUMER_INVALID");
    assertThat(e.getDomain()).isEqualTo("googleapis.com");
    assertThat(e.getMetadata()).containsEntry("consumer", "projects/" + Clients.PROJECT)
        .containsEntry("service", "secretmanager.googleapis.com");
    assertThat(control.requestCount("ListSecrets")).isEqualTo(1);
  }

  @Test
  void aProjectThatDoesNotExistIsConsumerInvalidWhoeverAsks() {
    control.loadState("{\"autoCreateProjects\":false,\"projects\":[{\"id\":\"only-project\",\"number\":7}]}");

    ApiException e = assertFails(() -> client.getSecret("projects/no-such-project/secrets/s"),
        Code.PERMISSION_DENIED, "Permission denied on resource project no-such-project.");
    assertThat(e.getReason()).isEqualTo("CONSUMER_INVALID");
    assertThat(e.getMetadata()).containsEntry("consumer", "projects/no-such-project");
    assertThat(e.getMessage()).doesNotContain("secretmanager.secrets.get");

    // The refusal comes before any permission check: a caller holding no role gets the same one.
    control.loadState("{\"autoCreateProjects\":false,\"defaultPrincipal\":{\"enabled\":true,"
        + "\"member\":\"user:nobody@emulator.local\",\"role\":\"roles/secretmanager.viewer\"},"
        + "\"projects\":[{\"id\":\"only-project\",\"number\":7}]}");
    assertThat(assertFails(() -> client.accessSecretVersion("projects/no-such-project/secrets/s/versions/latest"),
        Code.PERMISSION_DENIED, "on resource project no-such-project").getReason()).isEqualTo("CONSUMER_INVALID");
    // A known project still answers with the permission the caller lacks.
    assertFails(() -> client.accessSecretVersion("projects/only-project/secrets/s/versions/latest"),
        Code.PERMISSION_DENIED, "Permission 'secretmanager.versions.access' denied");
  }

  @Test
  void restCarriesTheErrorInfoInErrorDetails() throws Exception {
    control.addFault(Fault.of(Fault.Kind.SERVICE_DISABLED).onlyFor("GetSecret").times(1));

    HttpResponse<String> r = http.send(HttpRequest.newBuilder(emulator.httpEndpoint().resolve(
        "v1/" + PARENT + "/secrets/any")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(403);
    JsonObject error = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("error");
    assertThat(error.get("status").getAsString()).isEqualTo("PERMISSION_DENIED");
    JsonArray details = error.getAsJsonArray("details");
    JsonObject info = details.get(0).getAsJsonObject();
    assertThat(info.get("@type").getAsString()).isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
    assertThat(info.get("reason").getAsString()).isEqualTo("SERVICE_DISABLED");
    assertThat(info.get("domain").getAsString()).isEqualTo("googleapis.com");
    assertThat(info.getAsJsonObject("metadata").get("service").getAsString()).isEqualTo("secretmanager.googleapis.com");
    assertThat(details).anySatisfy(d -> assertThat(d.getAsJsonObject().get("@type").getAsString())
        .isEqualTo("type.googleapis.com/google.rpc.Help"));
  }

  @Test
  void aFaultAfterApplyingKeepsTheChangeAndLosesTheResponse() {
    control.addFault(Fault.of(Fault.Kind.DEADLINE_EXCEEDED).onlyFor("CreateSecret").times(1).afterApplying());

    assertFails(() -> client.createSecret(PARENT, "applied", SecretLifecycleTest.automatic()),
        Code.DEADLINE_EXCEEDED, "Injected");

    assertThat(client.getSecret(PARENT + "/secrets/applied").getName()).endsWith("/secrets/applied");
    assertFails(() -> client.createSecret(PARENT, "applied", SecretLifecycleTest.automatic()),
        Code.ALREADY_EXISTS, "already exists");
  }

  @Test
  void projectLevelFaultsAreNotAppliedFirstAndAdminEndpointTakesThem() throws Exception {
    assertThatThrownBy(() -> Fault.of(Fault.Kind.CONSUMER_INVALID).afterApplying())
        .isInstanceOf(IllegalArgumentException.class);
    HttpResponse<String> added = http.send(HttpRequest.newBuilder(emulator.httpEndpoint().resolve("_emulator/faults"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"CONSUMER_INVALID\",\"method\":\"GetSecret\",\"times\":1}"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(added.statusCode()).isEqualTo(200);

    assertThat(assertFails(() -> client.getSecret(PARENT + "/secrets/any"), Code.PERMISSION_DENIED,
        "Permission denied on resource project").getReason()).isEqualTo("CONSUMER_INVALID");
  }
}
