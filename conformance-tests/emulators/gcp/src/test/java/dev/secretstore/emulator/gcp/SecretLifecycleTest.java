package dev.secretstore.emulator.gcp;

import static dev.secretstore.emulator.gcp.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.StatusCode.Code;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.DeleteSecretRequest;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Secrets and versions through the gRPC client without credentials (plaintext port, default principal). */
class SecretLifecycleTest {
  private static final String PARENT = "projects/" + Clients.PROJECT;
  private static final String NUMBER = "projects/100000000001";
  private static SecretManagerEmulator emulator;
  private static SecretManagerServiceClient client;

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

  static Secret automatic() {
    return Secret.newBuilder()
        .setReplication(Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance())).build();
  }

  private static SecretVersion add(String secret, String value) {
    return client.addSecretVersion(secret, SecretPayload.newBuilder().setData(ByteString.copyFromUtf8(value)).build());
  }

  private static long crc32c(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data);
    return c.getValue();
  }

  @Test
  void createGetUpdateAndDeleteASecret() {
    Secret created = client.createSecret(PARENT, "lifecycle", automatic().toBuilder().putLabels("env", "dev").build());
    assertThat(created.getName()).isEqualTo(NUMBER + "/secrets/lifecycle");
    assertThat(created.getLabelsMap()).containsEntry("env", "dev");
    assertThat(created.hasCreateTime()).isTrue();
    assertThat(created.getEtag()).isNotEmpty();

    assertThat(client.getSecret(PARENT + "/secrets/lifecycle")).isEqualTo(created);
    assertThat(client.getSecret(NUMBER + "/secrets/lifecycle")).isEqualTo(created);

    Secret updated = client.updateSecret(Secret.newBuilder().setName(PARENT + "/secrets/lifecycle")
        .putLabels("env", "prod").putLabels("team", "data").build(), FieldMask.newBuilder().addPaths("labels").build());
    assertThat(updated.getLabelsMap()).containsOnly(java.util.Map.entry("env", "prod"),
        java.util.Map.entry("team", "data"));
    assertThat(updated.getEtag()).isNotEqualTo(created.getEtag());
    assertThat(updated.getReplication().hasAutomatic()).isTrue();

    assertFails(() -> client.updateSecret(Secret.newBuilder().setName(PARENT + "/secrets/lifecycle").build(),
        FieldMask.newBuilder().addPaths("replication").build()), Code.INVALID_ARGUMENT, "replication");
    assertFails(() -> client.updateSecret(Secret.newBuilder().setName(PARENT + "/secrets/lifecycle").build(),
        FieldMask.getDefaultInstance()), Code.INVALID_ARGUMENT, "update_mask");

    assertFails(() -> client.deleteSecret(DeleteSecretRequest.newBuilder().setName(PARENT + "/secrets/lifecycle")
        .setEtag(created.getEtag()).build()), Code.ABORTED, "etag");
    client.deleteSecret(DeleteSecretRequest.newBuilder().setName(PARENT + "/secrets/lifecycle")
        .setEtag(updated.getEtag()).build());
    assertFails(() -> client.getSecret(PARENT + "/secrets/lifecycle"), Code.NOT_FOUND,
        "Secret [" + NUMBER + "/secrets/lifecycle] not found.");
    assertFails(() -> client.deleteSecret(PARENT + "/secrets/lifecycle"), Code.NOT_FOUND, "not found");
  }

  @Test
  void creatingAnExistingSecretIsAlreadyExists() {
    client.createSecret(PARENT, "twice", automatic());
    assertFails(() -> client.createSecret(PARENT, "twice", automatic()), Code.ALREADY_EXISTS,
        "Secret [" + NUMBER + "/secrets/twice] already exists.");
  }

  @Test
  void versionsMoveThroughTheirStatesAndLatestIsTheNewest() {
    String secret = client.createSecret(PARENT, "versions", automatic()).getName();
    SecretVersion v1 = add(secret, "one");
    SecretVersion v2 = add(secret, "two");
    assertThat(v1.getName()).isEqualTo(secret + "/versions/1");
    assertThat(v2.getState()).isEqualTo(SecretVersion.State.ENABLED);

    AccessSecretVersionResponse latest = client.accessSecretVersion(secret + "/versions/latest");
    assertThat(latest.getName()).isEqualTo(secret + "/versions/2");
    assertThat(latest.getPayload().getData().toStringUtf8()).isEqualTo("two");
    assertThat(latest.getPayload().hasDataCrc32C()).isTrue();
    assertThat(latest.getPayload().getDataCrc32C()).isEqualTo(crc32c("two".getBytes()));
    assertThat(client.getSecretVersion(secret + "/versions/latest").getName()).isEqualTo(v2.getName());

    SecretVersion disabled = client.disableSecretVersion(v2.getName());
    assertThat(disabled.getState()).isEqualTo(SecretVersion.State.DISABLED);
    assertFails(() -> client.accessSecretVersion(secret + "/versions/latest"), Code.FAILED_PRECONDITION,
        "Secret Version [" + secret + "/versions/2] is in DISABLED state.");
    assertThat(client.accessSecretVersion(v1.getName()).getPayload().getData().toStringUtf8()).isEqualTo("one");

    assertThat(client.enableSecretVersion(v2.getName()).getState()).isEqualTo(SecretVersion.State.ENABLED);
    assertThat(client.accessSecretVersion(v2.getName()).getPayload().getData().toStringUtf8()).isEqualTo("two");

    SecretVersion destroyed = client.destroySecretVersion(v2.getName());
    assertThat(destroyed.getState()).isEqualTo(SecretVersion.State.DESTROYED);
    assertThat(destroyed.hasDestroyTime()).isTrue();
    assertFails(() -> client.accessSecretVersion(v2.getName()), Code.FAILED_PRECONDITION,
        "Secret Version [" + secret + "/versions/2] is in DESTROYED state.");
    assertFails(() -> client.enableSecretVersion(v2.getName()), Code.FAILED_PRECONDITION, "DESTROYED");
    assertFails(() -> client.disableSecretVersion(v2.getName()), Code.FAILED_PRECONDITION, "DESTROYED");
    assertFails(() -> client.destroySecretVersion(v2.getName()), Code.FAILED_PRECONDITION, "DESTROYED");

    List<SecretVersion> listed = StreamSupport.stream(client.listSecretVersions(secret).iterateAll().spliterator(),
        false).toList();
    assertThat(listed).extracting(SecretVersion::getName).containsExactly(v2.getName(), v1.getName());
    assertThat(listed).extracting(SecretVersion::getState)
        .containsExactly(SecretVersion.State.DESTROYED, SecretVersion.State.ENABLED);
  }

  @Test
  void missingSecretsAndVersionsAreNotFound() {
    assertFails(() -> client.accessSecretVersion(PARENT + "/secrets/nope/versions/latest"), Code.NOT_FOUND,
        "Secret [" + NUMBER + "/secrets/nope] not found or has no versions.");
    String empty = client.createSecret(PARENT, "empty", automatic()).getName();
    assertFails(() -> client.accessSecretVersion(empty + "/versions/latest"), Code.NOT_FOUND,
        "Secret [" + empty + "] not found or has no versions.");
    add(empty, "x");
    assertFails(() -> client.accessSecretVersion(empty + "/versions/9"), Code.NOT_FOUND,
        "Secret Version [" + empty + "/versions/9] not found.");
    assertFails(() -> client.getSecretVersion(empty + "/versions/9"), Code.NOT_FOUND, "not found");
    assertFails(() -> client.listSecretVersions(PARENT + "/secrets/nope").iterateAll().iterator().next(),
        Code.NOT_FOUND, "Secret [" + NUMBER + "/secrets/nope] not found.");
    assertFails(() -> client.addSecretVersion(PARENT + "/secrets/nope", SecretPayload.getDefaultInstance()),
        Code.NOT_FOUND, "not found");
  }

  @Test
  void dataCrc32cIsVerifiedOnAddAndReturnedOnAccess() {
    String secret = client.createSecret(PARENT, "checksummed", automatic()).getName();
    byte[] data = "payload".getBytes();
    assertFails(() -> client.addSecretVersion(AddSecretVersionRequest.newBuilder().setParent(secret)
        .setPayload(SecretPayload.newBuilder().setData(ByteString.copyFrom(data)).setDataCrc32C(crc32c(data) + 1))
        .build()), Code.INVALID_ARGUMENT, "Checksum mismatch");
    assertThat(client.listSecretVersions(secret).iterateAll()).as("a rejected add leaves no version").isEmpty();

    SecretVersion v = client.addSecretVersion(AddSecretVersionRequest.newBuilder().setParent(secret)
        .setPayload(SecretPayload.newBuilder().setData(ByteString.copyFrom(data)).setDataCrc32C(crc32c(data)))
        .build());
    assertThat(v.getClientSpecifiedPayloadChecksum()).isTrue();
    assertThat(client.accessSecretVersion(v.getName()).getPayload().getDataCrc32C()).isEqualTo(crc32c(data));
  }

  @Test
  void anEmptyPayloadIsRefusedAsTheServiceDoes() {
    String secret = client.createSecret(PARENT, "empty-payload", automatic()).getName();
    assertFails(() -> client.addSecretVersion(secret, SecretPayload.getDefaultInstance()), Code.INVALID_ARGUMENT,
        "Field [payload] is required.");
    assertFails(() -> client.addSecretVersion(secret, SecretPayload.newBuilder().setData(ByteString.EMPTY)
        .setDataCrc32C(0).build()), Code.INVALID_ARGUMENT, "Field [payload] is required.");
    assertThat(client.listSecretVersions(secret).iterateAll()).as("nothing was stored").isEmpty();
    assertThatThrownBy(() -> emulator.control().plantSecret(ExistingSecret.builder(Clients.PROJECT, "planted-empty")
        .version("first").version("").build())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is empty");
    assertFails(() -> client.getSecret(PARENT + "/secrets/planted-empty"), Code.NOT_FOUND, "not found");
  }

  @Test
  void payloadsUpTo64KiBAreAccepted() {
    String secret = client.createSecret(PARENT, "big", automatic()).getName();
    byte[] max = new byte[64 * 1024];
    java.util.Arrays.fill(max, (byte) 'a');
    SecretVersion v = client.addSecretVersion(secret, SecretPayload.newBuilder().setData(ByteString.copyFrom(max))
        .build());
    assertThat(client.accessSecretVersion(v.getName()).getPayload().getData().size()).isEqualTo(max.length);
    byte[] over = new byte[64 * 1024 + 1];
    assertFails(() -> client.addSecretVersion(secret, SecretPayload.newBuilder().setData(ByteString.copyFrom(over))
        .build()), Code.INVALID_ARGUMENT, "64KiB");
  }

  private static final String KEY_PATTERN = "\"[\\p{Ll}\\p{Lo}][\\p{Ll}\\p{Lo}\\p{N}_-]{0,62}\"";
  private static final String VALUE_PATTERN = "\"[\\p{Ll}\\p{Lo}\\p{N}_-]{0,63}\"";
  private static final String NOT_A_LABEL_CHARACTER =
      " is not a non-uppercased letter (Unicode character class Ll or Lo), digit, hyphen, or underscore";

  private static Secret labelled(String key, String value) {
    return automatic().toBuilder().putLabels(key, value).build();
  }

  /** Wording as the service gives it (recorded in public error reports; see the README). */
  @Test
  void labelRulesAreEnforcedWithTheServicesMessages() {
    assertFails(() -> client.createSecret(PARENT, "l1", labelled("Env", "x")), Code.INVALID_ARGUMENT,
        "Invalid field \"labels\"; key \"Env\" does not conform to regular expression " + KEY_PATTERN
            + "; first character \"E\" is not a non-uppercased letter (Unicode character class Ll or Lo)");
    assertFails(() -> client.createSecret(PARENT, "l2", labelled("1env", "x")), Code.INVALID_ARGUMENT,
        "key \"1env\" does not conform to regular expression " + KEY_PATTERN + "; first character \"1\"");
    assertFails(() -> client.createSecret(PARENT, "l2b", labelled("team.name", "x")), Code.INVALID_ARGUMENT,
        "key \"team.name\" does not conform to regular expression " + KEY_PATTERN + "; character \".\" at position 4"
            + NOT_A_LABEL_CHARACTER);
    assertFails(() -> client.createSecret(PARENT, "l3", labelled("entity", "bot_kyma-modg-stage@protecode-sc.local")),
        Code.INVALID_ARGUMENT, "Invalid field \"labels.entity\"; value \"bot_kyma-modg-stage@protecode-sc.local\" does "
            + "not conform to regular expression " + VALUE_PATTERN + "; character \"@\" at position 19"
            + NOT_A_LABEL_CHARACTER);
    assertFails(() -> client.createSecret(PARENT, "l3b", labelled("env", "Prod")), Code.INVALID_ARGUMENT,
        "value \"Prod\" does not conform to regular expression " + VALUE_PATTERN + "; character \"P\" at position 0");
    assertFails(() -> client.createSecret(PARENT, "l4", labelled("k" + "x".repeat(63), "v")), Code.INVALID_ARGUMENT,
        "does not conform to regular expression " + KEY_PATTERN + "; it is 64 characters long, more than 63");
    assertFails(() -> client.createSecret(PARENT, "l5", labelled("k", "v".repeat(64))), Code.INVALID_ARGUMENT,
        "Invalid field \"labels.k\"; value");
    assertFails(() -> client.createSecret(PARENT, "l6", labelled("k", "界".repeat(43))), Code.INVALID_ARGUMENT,
        "its UTF-8 encoding is 129 bytes, more than 128");
    Secret.Builder many = automatic().toBuilder();
    for (int i = 0; i < 64; i++) {
      many.putLabels("k" + i, "v");
    }
    assertThat(client.createSecret(PARENT, "l64", many.build()).getLabelsCount()).isEqualTo(64);
    many.putLabels("k64", "v");
    assertFails(() -> client.createSecret(PARENT, "l65", many.build()), Code.INVALID_ARGUMENT, "at most 64 labels");
    Secret ok = client.createSecret(PARENT, "lok", automatic().toBuilder().putLabels("k" + "x".repeat(62),
        "v".repeat(63)).putLabels("équipe", "données_1-2").putLabels("empty", "").putLabels("名前", "界".repeat(42))
        .build());
    assertThat(ok.getLabelsCount()).isEqualTo(4);
    for (String refused : List.of("l1", "l2", "l2b", "l3", "l3b", "l4", "l5", "l6", "l65")) {
      assertFails(() -> client.getSecret(PARENT + "/secrets/" + refused), Code.NOT_FOUND, "not found");
    }
    assertFails(() -> client.updateSecret(Secret.newBuilder().setName(ok.getName()).putLabels("Bad", "x").build(),
        FieldMask.newBuilder().addPaths("labels").build()), Code.INVALID_ARGUMENT, "key \"Bad\"");
    assertThat(client.getSecret(ok.getName()).getLabelsMap()).as("a refused update changes nothing")
        .isEqualTo(ok.getLabelsMap());
  }

  @Test
  void secretIdRulesAreEnforced() {
    assertFails(() -> client.createSecret(PARENT, "bad.id", automatic()), Code.INVALID_ARGUMENT,
        "The provided Secret ID [bad.id] does not match the expected format [[a-zA-Z_0-9]+]");
    assertFails(() -> client.createSecret(PARENT, "", automatic()), Code.INVALID_ARGUMENT,
        "The provided Secret ID [] does not match the expected format [[a-zA-Z_0-9]+]");
    assertFails(() -> client.createSecret(PARENT, "x".repeat(256), automatic()), Code.INVALID_ARGUMENT,
        "at most 255 characters");
    assertThat(client.createSecret(PARENT, "A_b-" + "9".repeat(251), automatic()).getName()).endsWith("9999");
  }

  @Test
  void replicationIsRequiredAndUserManagedReplicasAreReported() {
    assertFails(() -> client.createSecret(PARENT, "norep", Secret.getDefaultInstance()), Code.INVALID_ARGUMENT,
        "replication");
    assertFails(() -> client.createSecret(PARENT, "emptyrep", Secret.newBuilder().setReplication(Replication
        .newBuilder().setUserManaged(Replication.UserManaged.getDefaultInstance())).build()), Code.INVALID_ARGUMENT,
        "replica");
    Secret um = client.createSecret(PARENT, "usermanaged", Secret.newBuilder().setReplication(Replication.newBuilder()
        .setUserManaged(Replication.UserManaged.newBuilder()
            .addReplicas(Replication.UserManaged.Replica.newBuilder().setLocation("us-east1"))
            .addReplicas(Replication.UserManaged.Replica.newBuilder().setLocation("europe-west1")))).build());
    SecretVersion v = add(um.getName(), "x");
    assertThat(v.getReplicationStatus().getUserManaged().getReplicasList())
        .extracting(r -> r.getLocation()).containsExactly("us-east1", "europe-west1");
  }

  @Test
  void regionalSecretsLiveUnderTheirLocation() {
    String regionalParent = PARENT + "/locations/europe-west4";
    Secret regional = client.createSecret(regionalParent, "regional", Secret.getDefaultInstance());
    assertThat(regional.getName()).isEqualTo(NUMBER + "/locations/europe-west4/secrets/regional");
    add(regional.getName(), "eu");
    assertThat(client.accessSecretVersion(regional.getName() + "/versions/latest").getPayload().getData()
        .toStringUtf8()).isEqualTo("eu");
    assertThat(client.listSecrets(regionalParent).iterateAll()).extracting(Secret::getName)
        .containsExactly(regional.getName());
    assertThat(client.listSecrets(PARENT).iterateAll()).extracting(Secret::getName)
        .doesNotContain(regional.getName());
    assertFails(() -> client.getSecret(PARENT + "/secrets/regional"), Code.NOT_FOUND, "not found");
    assertFails(() -> client.createSecret(regionalParent, "withrep", automatic()), Code.INVALID_ARGUMENT,
        "regional");
  }

  @Test
  void versionAliasesResolveOnAccess() {
    String secret = client.createSecret(PARENT, "aliased", automatic()).getName();
    add(secret, "first");
    add(secret, "second");
    client.updateSecret(Secret.newBuilder().setName(secret).putVersionAliases("stable", 1).build(),
        FieldMask.newBuilder().addPaths("version_aliases").build());
    AccessSecretVersionResponse stable = client.accessSecretVersion(secret + "/versions/stable");
    assertThat(stable.getName()).isEqualTo(secret + "/versions/1");
    assertThat(stable.getPayload().getData().toStringUtf8()).isEqualTo("first");
    assertFails(() -> client.updateSecret(Secret.newBuilder().setName(secret).putVersionAliases("bad", 9).build(),
        FieldMask.newBuilder().addPaths("version_aliases").build()), Code.INVALID_ARGUMENT, "version 9");
    Secret.Builder fifty = Secret.newBuilder().setName(secret);
    for (int i = 0; i < 50; i++) {
      fifty.putVersionAliases("a" + i, 2);
    }
    assertThat(client.updateSecret(fifty.build(), FieldMask.newBuilder().addPaths("version_aliases").build())
        .getVersionAliasesCount()).isEqualTo(50);
    assertFails(() -> client.updateSecret(fifty.putVersionAliases("a50", 2).build(),
        FieldMask.newBuilder().addPaths("version_aliases").build()), Code.INVALID_ARGUMENT, "at most 50 version aliases");
  }

  @Test
  void malformedNamesAreInvalidArgumentsWithTheServicesMessage() {
    assertFails(() -> client.getSecret("projects/" + Clients.PROJECT + "/nothing/x"), Code.INVALID_ARGUMENT,
        "The provided Secret ID [projects/" + Clients.PROJECT + "/nothing/x] does not match the expected format "
            + "[projects/*/secrets/*]");
    assertFails(() -> client.accessSecretVersion(PARENT + "/secrets/10.128.0.27/versions/latest"),
        Code.INVALID_ARGUMENT, "The provided Secret ID [" + PARENT + "/secrets/10.128.0.27/versions/latest] does not "
            + "match the expected format [projects/*/secrets/*/versions/*]");
    assertFails(() -> client.accessSecretVersion(PARENT + "/secrets/x/versions/a.b"), Code.INVALID_ARGUMENT,
        "does not match the expected format [projects/*/secrets/*/versions/*]");
    assertFails(() -> client.getSecretVersion(PARENT + "/locations/us-east1/secrets/x"), Code.INVALID_ARGUMENT,
        "does not match the expected format [projects/*/locations/*/secrets/*/versions/*]");
  }
}
