package dev.secretstore.emulator.gcp;

import static dev.secretstore.emulator.gcp.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.rpc.StatusCode.Code;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.DeleteSecretRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsRequest;
import com.google.cloud.secretmanager.v1.ListSecretsRequest;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every RPC through the client's HttpJson transport (the v1 REST mapping): paths, custom verbs, query
 * parameters, PATCH sent as POST with X-HTTP-Method-Override, and errors as the JSON error envelope. Over HTTP a
 * client maps status codes from the HTTP status: 409 is ABORTED, 400 is INVALID_ARGUMENT (FAILED_PRECONDITION
 * travels as 400 with status "FAILED_PRECONDITION" in the body), as against Google.
 */
class HttpJsonTransportTest {
  private static final String PARENT = "projects/" + Clients.PROJECT;
  private static final String NUMBER = "projects/100000000001";
  private static SecretManagerEmulator emulator;
  private static SecretManagerServiceClient client;
  private static SecretManagerServiceClient withKey;

  @BeforeAll
  static void start() {
    emulator = SecretManagerEmulator.builder().build().start();
    client = Clients.httpJson(emulator, null);
    withKey = Clients.httpJson(emulator, Clients.keyCredentials(emulator, Clients.VIEWER));
  }

  @AfterAll
  static void stop() {
    client.close();
    withKey.close();
    emulator.stop();
  }

  @Test
  void secretsAndVersionsRoundTripOverRest() {
    Secret created = client.createSecret(PARENT, "rest", SecretLifecycleTest.automatic().toBuilder()
        .putLabels("env", "dev").build());
    assertThat(created.getName()).isEqualTo(NUMBER + "/secrets/rest");
    assertThat(client.getSecret(created.getName()).getLabelsMap()).containsEntry("env", "dev");

    Secret updated = client.updateSecret(Secret.newBuilder().setName(created.getName()).putLabels("env", "prod")
        .build(), FieldMask.newBuilder().addPaths("labels").build());
    assertThat(updated.getLabelsMap()).containsEntry("env", "prod");

    byte[] data = "über-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(data);
    SecretVersion v1 = client.addSecretVersion(AddSecretVersionRequest.newBuilder().setParent(created.getName())
        .setPayload(SecretPayload.newBuilder().setData(ByteString.copyFrom(data)).setDataCrc32C(crc.getValue()))
        .build());
    SecretVersion v2 = client.addSecretVersion(created.getName(), SecretPayload.newBuilder()
        .setData(ByteString.copyFromUtf8("second")).build());
    var access = client.accessSecretVersion(created.getName() + "/versions/latest");
    assertThat(access.getName()).isEqualTo(v2.getName());
    assertThat(access.getPayload().getData().toStringUtf8()).isEqualTo("second");
    assertThat(client.accessSecretVersion(v1.getName()).getPayload().getDataCrc32C()).isEqualTo(crc.getValue());
    assertThat(client.getSecretVersion(v1.getName()).getState()).isEqualTo(SecretVersion.State.ENABLED);

    assertThat(client.disableSecretVersion(v2.getName()).getState()).isEqualTo(SecretVersion.State.DISABLED);
    assertFails(() -> client.accessSecretVersion(v2.getName()), Code.INVALID_ARGUMENT, "is in DISABLED state");
    assertFails(() -> client.accessSecretVersion(v2.getName()), Code.INVALID_ARGUMENT, "FAILED_PRECONDITION");
    assertThat(client.enableSecretVersion(v2.getName()).getState()).isEqualTo(SecretVersion.State.ENABLED);
    assertThat(client.destroySecretVersion(v1.getName()).getState()).isEqualTo(SecretVersion.State.DESTROYED);
    assertThat(client.listSecretVersions(ListSecretVersionsRequest.newBuilder().setParent(created.getName())
        .setFilter("state:DESTROYED").build()).iterateAll()).extracting(SecretVersion::getName)
        .containsExactly(v1.getName());

    assertFails(() -> client.deleteSecret(DeleteSecretRequest.newBuilder().setName(created.getName())
        .setEtag("\"0\"").build()), Code.ABORTED, "etag");
    client.deleteSecret(DeleteSecretRequest.newBuilder().setName(created.getName()).setEtag(updated.getEtag())
        .build());
    assertFails(() -> client.getSecret(created.getName()), Code.NOT_FOUND,
        "Secret [" + NUMBER + "/secrets/rest] not found.");
  }

  @Test
  void listQueryParametersFilterAndPage() {
    for (String id : new String[] {"q-a", "q-b", "q-c"}) {
      client.createSecret(PARENT, id, SecretLifecycleTest.automatic().toBuilder().putLabels("group", "q").build());
    }
    var page = client.listSecretsCallable().call(ListSecretsRequest.newBuilder().setParent(PARENT)
        .setFilter("labels.group=q AND NOT name:q-b").setPageSize(1).build());
    assertThat(page.getSecretsList()).hasSize(1);
    var rest = client.listSecretsCallable().call(ListSecretsRequest.newBuilder().setParent(PARENT)
        .setFilter("labels.group=q AND NOT name:q-b").setPageSize(1).setPageToken(page.getNextPageToken()).build());
    assertThat(rest.getSecretsList()).hasSize(1);
    assertThat(rest.getNextPageToken()).isEmpty();
    var both = new java.util.ArrayList<>(page.getSecretsList());
    both.addAll(rest.getSecretsList());
    assertThat(both).extracting(Secret::getName)
        .containsExactlyInAnyOrder(NUMBER + "/secrets/q-a", NUMBER + "/secrets/q-c");
    assertThat(both).as("newest first by create_time").isSortedAccordingTo(java.util.Comparator
        .comparing((Secret s) -> s.getCreateTime().getSeconds()).thenComparing(s -> s.getCreateTime().getNanos())
        .reversed());
  }

  @Test
  void regionalSecretsOverRest() {
    Secret regional = client.createSecret(PARENT + "/locations/us-central1", "rest-regional",
        Secret.getDefaultInstance());
    client.addSecretVersion(regional.getName(), SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("r"))
        .build());
    assertThat(client.accessSecretVersion(regional.getName() + "/versions/1").getPayload().getData().toStringUtf8())
        .isEqualTo("r");
    assertThat(client.listSecrets(PARENT + "/locations/us-central1").iterateAll()).extracting(Secret::getName)
        .containsExactly(NUMBER + "/locations/us-central1/secrets/rest-regional");
  }

  @Test
  void iamOverRest() {
    String name = client.createSecret(PARENT, "rest-iam", SecretLifecycleTest.automatic()).getName();
    Policy set = client.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(name).setPolicy(Policy.newBuilder()
        .addBindings(Binding.newBuilder().setRole("roles/secretmanager.secretAccessor")
            .addMembers("serviceAccount:" + Clients.NOBODY))).build());
    Policy got = client.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(name).build());
    assertThat(got).isEqualTo(set);
    assertThat(withKey.testIamPermissions(TestIamPermissionsRequest.newBuilder().setResource(name)
        .addPermissions("secretmanager.secrets.get").addPermissions("secretmanager.versions.access").build())
        .getPermissionsList()).containsExactly("secretmanager.secrets.get");
  }

  @Test
  void httpsPortServesTheSameApiWithTheEmulatorsCertificate() {
    client.createSecret(PARENT, "over-https", SecretLifecycleTest.automatic());
    try (SecretManagerServiceClient tls = Clients.httpJsonTls(emulator, Clients.keyCredentials(emulator,
        Clients.ADMIN))) {
      tls.addSecretVersion(PARENT + "/secrets/over-https", SecretPayload.newBuilder()
          .setData(ByteString.copyFromUtf8("tls")).build());
      assertThat(tls.accessSecretVersion(PARENT + "/secrets/over-https/versions/latest").getPayload().getData()
          .toStringUtf8()).isEqualTo("tls");
    }
  }

  @Test
  void errorsOverRestKeepTheirMessages() {
    client.createSecret(PARENT, "rest-dup", SecretLifecycleTest.automatic());
    assertFails(() -> client.createSecret(PARENT, "rest-dup", SecretLifecycleTest.automatic()), Code.ABORTED,
        "Secret [" + NUMBER + "/secrets/rest-dup] already exists.");
    assertFails(() -> client.accessSecretVersion(PARENT + "/secrets/rest-none/versions/latest"), Code.NOT_FOUND,
        "Secret [" + NUMBER + "/secrets/rest-none] not found or has no versions.");
    assertFails(() -> client.createSecret(PARENT, "rest-bad", SecretLifecycleTest.automatic().toBuilder()
        .putLabels("BAD", "x").build()), Code.INVALID_ARGUMENT,
        "Invalid field \"labels\"; key \"BAD\" does not conform to regular expression \"[\\p{Ll}\\p{Lo}][\\p{Ll}\\p{Lo}\\p{N}_-]{0,62}\"; "
            + "first character \"B\"");
    assertFails(() -> withKey.addSecretVersion(PARENT + "/secrets/rest-dup", SecretPayload.getDefaultInstance()),
        Code.PERMISSION_DENIED, "Permission 'secretmanager.versions.add' denied for resource '" + PARENT
            + "/secrets/rest-dup' (or it may not exist).");
    assertThat(withKey.getSecret(PARENT + "/secrets/rest-dup").getName()).endsWith("/rest-dup");
  }
}
