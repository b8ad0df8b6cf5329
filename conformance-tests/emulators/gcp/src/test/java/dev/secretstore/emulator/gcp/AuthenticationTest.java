package dev.secretstore.emulator.gcp;

import static dev.secretstore.emulator.gcp.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.rpc.StatusCode.Code;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Service-account authentication: the client's own self-signed JWTs (audience and scope forms), the token
 * endpoint flow, and crafted tokens with a bad signature, an unknown key id, an expiry in the past — over gRPC
 * with TLS and over HttpJson.
 */
class AuthenticationTest {
  private static final String PARENT = "projects/" + Clients.PROJECT;
  private static final String SECRET = PARENT + "/secrets/auth";
  private static SecretManagerEmulator emulator;
  private static Jwts.Key adminKey;

  @BeforeAll
  static void start() {
    emulator = SecretManagerEmulator.builder().build().start();
    try (SecretManagerServiceClient c = Clients.plaintext(emulator)) {
      c.createSecret(PARENT, "auth", SecretLifecycleTest.automatic());
      c.addSecretVersion(SECRET, SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("ok")).build());
    }
    adminKey = Jwts.fromKeyFile(emulator.control().keyFileJson(Clients.ADMIN));
  }

  @AfterAll
  static void stop() {
    emulator.stop();
  }

  private static String access(SecretManagerServiceClient c) {
    try (c) {
      return c.accessSecretVersion(SECRET + "/versions/latest").getPayload().getData().toStringUtf8();
    }
  }

  @Test
  void keyFileHasTheStandardFields() {
    String json = emulator.control().keyFileJson(Clients.ADMIN);
    com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
    assertThat(o.get("type").getAsString()).isEqualTo("service_account");
    assertThat(o.get("client_email").getAsString()).isEqualTo(Clients.ADMIN);
    assertThat(o.get("private_key").getAsString()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(o.get("private_key_id").getAsString()).isNotEmpty();
    assertThat(o.get("token_uri").getAsString()).isEqualTo(emulator.httpEndpoint() + "token");
  }

  @Test
  void clientsSelfSignedJwtIsAcceptedOverTls() {
    assertThat(access(Clients.serviceAccount(emulator, Clients.ADMIN))).isEqualTo("ok");
  }

  @Test
  void scopeFormOfTheSelfSignedJwtIsAccepted() {
    ServiceAccountCredentials scoped = (ServiceAccountCredentials) Clients.keyCredentials(emulator, Clients.ADMIN)
        .createScoped(List.of("https://www.googleapis.com/auth/cloud-platform"));
    assertThat(access(Clients.tls(emulator, scoped.createWithUseJwtAccessWithScope(true)))).isEqualTo("ok");
  }

  @Test
  void tokenEndpointExchangeGivesAnAccessTokenForTheAccount() {
    ServiceAccountCredentials scoped = (ServiceAccountCredentials) Clients.keyCredentials(emulator, Clients.ACCESSOR)
        .createScoped(List.of("https://www.googleapis.com/auth/cloud-platform"));
    ServiceAccountCredentials exchanging = scoped.createWithUseJwtAccessWithScope(false);
    try (SecretManagerServiceClient c = Clients.tls(emulator, exchanging)) {
      assertThat(c.accessSecretVersion(SECRET + "/versions/latest").getPayload().getData().toStringUtf8())
          .isEqualTo("ok");
      assertFails(() -> c.getSecret(SECRET), Code.PERMISSION_DENIED, "secretmanager.secrets.get");
    }
  }

  @Test
  void aCorrectlyCraftedJwtIsAccepted() {
    String jwt = Jwts.sign(adminKey.keyId(), adminKey.email(), Jwts.audienceFor(emulator), Instant.now(),
        Instant.now().plusSeconds(600), adminKey.privateKey());
    assertThat(access(Clients.tls(emulator, Clients.bearer(jwt)))).isEqualTo("ok");
  }

  @Test
  void badSignatureIsUnauthenticated() {
    String jwt = Jwts.sign(adminKey.keyId(), adminKey.email(), Jwts.audienceFor(emulator), Instant.now(),
        Instant.now().plusSeconds(600), Jwts.otherKey());
    assertFails(() -> access(Clients.tls(emulator, Clients.bearer(jwt))), Code.UNAUTHENTICATED,
        "Request had invalid authentication credentials.");
    assertFails(() -> access(Clients.httpJson(emulator, Clients.bearer(jwt))), Code.UNAUTHENTICATED,
        "invalid authentication credentials");
  }

  @Test
  void unknownKeyIdIsUnauthenticated() {
    String jwt = Jwts.sign("0123456789abcdef0123456789abcdef01234567", adminKey.email(), Jwts.audienceFor(emulator),
        Instant.now(), Instant.now().plusSeconds(600), adminKey.privateKey());
    assertFails(() -> access(Clients.tls(emulator, Clients.bearer(jwt))), Code.UNAUTHENTICATED,
        "invalid authentication credentials");
  }

  @Test
  void expiredJwtIsUnauthenticated() {
    String jwt = Jwts.sign(adminKey.keyId(), adminKey.email(), Jwts.audienceFor(emulator),
        Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600), adminKey.privateKey());
    assertFails(() -> access(Clients.tls(emulator, Clients.bearer(jwt))), Code.UNAUTHENTICATED,
        "invalid authentication credentials");
    assertFails(() -> access(Clients.httpJson(emulator, Clients.bearer(jwt))), Code.UNAUTHENTICATED,
        "invalid authentication credentials");
  }

  @Test
  void issuerOtherThanTheKeysOwnerIsUnauthenticated() {
    String jwt = Jwts.sign(adminKey.keyId(), Clients.VIEWER, Jwts.audienceFor(emulator), Instant.now(),
        Instant.now().plusSeconds(600), adminKey.privateKey());
    assertFails(() -> access(Clients.tls(emulator, Clients.bearer(jwt))), Code.UNAUTHENTICATED,
        "invalid authentication credentials");
  }

  @Test
  void audienceOfAnotherServiceIsUnauthenticated() {
    String jwt = Jwts.sign(adminKey.keyId(), adminKey.email(), "https://127.0.0.1/google.iam.v1.Other",
        Instant.now(), Instant.now().plusSeconds(600), adminKey.privateKey());
    assertFails(() -> access(Clients.tls(emulator, Clients.bearer(jwt))), Code.UNAUTHENTICATED,
        "invalid authentication credentials");
  }

  @Test
  void garbageTokenIsUnauthenticated() {
    assertFails(() -> access(Clients.tls(emulator, Clients.bearer("not-a-token"))), Code.UNAUTHENTICATED,
        "invalid authentication credentials");
  }
}
