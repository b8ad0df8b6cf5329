package dev.secretstore.emulator.gcp;

import static dev.secretstore.emulator.gcp.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.rpc.StatusCode.Code;
import com.google.cloud.secretmanager.v1.ListSecretsRequest;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.UpdateSecretRequest;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three places where the emulator once differed from Google's documentation, found with Google's Node.js client:
 * ListSecrets order (service.proto: newest first by create_time), version alias names (resources.proto), and
 * expiry (resources.proto: expire_time / ttl; the secret is deleted when it expires). With the Java client.
 */
class DocumentedOrderAliasesExpiryTest {
  private static final String PARENT = "projects/" + Clients.PROJECT;

  /** A clock the test moves. */
  static final class ManualClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advanceSeconds(long s) {
      now = now.plusSeconds(s);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final ManualClock clock = new ManualClock();
  private SecretManagerEmulator emulator;
  private SecretManagerServiceClient client;

  @BeforeEach
  void start() {
    emulator = SecretManagerEmulator.builder().clock(clock).build().start();
    client = Clients.plaintext(emulator);
  }

  @AfterEach
  void stop() {
    client.close();
    emulator.stop();
  }

  private List<String> listedIds() {
    var response = client.listSecrets(ListSecretsRequest.newBuilder().setParent(PARENT).build());
    return StreamSupport.stream(response.iterateAll().spliterator(), false)
        .map(s -> s.getName().substring(s.getName().lastIndexOf('/') + 1)).toList();
  }

  @Test
  void listSecretsIsNewestFirstByCreateTimeNotByName() {
    for (String id : List.of("b-second-by-name", "c-third-by-name", "a-first-by-name")) {
      client.createSecret(PARENT, id, SecretLifecycleTest.automatic());
      clock.advanceSeconds(1);
    }
    assertThat(listedIds()).containsExactly("a-first-by-name", "c-third-by-name", "b-second-by-name");
  }

  @Test
  void versionAliasNamesAreValidatedAsResourcesProtoSays() {
    Secret secret = client.createSecret(PARENT, "aliased", SecretLifecycleTest.automatic());
    client.addSecretVersion(secret.getName(), SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("v")).build());
    for (String bad : List.of("latest", "NEW", "1st", "-dash", "has space", "a".repeat(64), "dot.ted")) {
      assertFails(() -> client.updateSecret(aliases(secret.getName(), bad)), Code.INVALID_ARGUMENT, "alias");
    }
    // At the limit: 63 characters, the first a letter.
    String longest = "Prod_current-1" + "x".repeat(49);
    assertThat(longest).hasSize(63);
    Secret updated = client.updateSecret(aliases(secret.getName(), longest));
    assertThat(updated.getVersionAliasesMap()).containsEntry(longest, 1L);
    assertThat(client.accessSecretVersion(secret.getName() + "/versions/" + longest).getPayload().getData()
        .toStringUtf8()).isEqualTo("v");
  }

  private static UpdateSecretRequest aliases(String name, String alias) {
    return UpdateSecretRequest.newBuilder()
        .setSecret(Secret.newBuilder().setName(name).putVersionAliases(alias, 1L))
        .setUpdateMask(FieldMask.newBuilder().addPaths("version_aliases")).build();
  }

  @Test
  void aSecretWithATtlGetsItsExpireTimeAndIsGoneAfterIt() {
    Secret created = client.createSecret(PARENT, "short-lived", SecretLifecycleTest.automatic().toBuilder()
        .setTtl(Duration.newBuilder().setSeconds(60)).build());
    assertThat(created.hasTtl()).as("ttl is input only").isFalse();
    assertThat(created.getExpireTime().getSeconds()).isEqualTo(clock.instant().getEpochSecond() + 60);
    client.addSecretVersion(created.getName(), SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("v")).build());

    clock.advanceSeconds(59);
    assertThat(client.accessSecretVersion(created.getName() + "/versions/latest").getPayload().getData().toStringUtf8())
        .isEqualTo("v");
    clock.advanceSeconds(1);
    assertFails(() -> client.getSecret(created.getName()), Code.NOT_FOUND, "not found");
    assertFails(() -> client.accessSecretVersion(created.getName() + "/versions/1"), Code.NOT_FOUND, "not found");
    assertThat(listedIds()).doesNotContain("short-lived");
    client.createSecret(PARENT, "short-lived", SecretLifecycleTest.automatic());
  }

  @Test
  void anExpireTimeIsKeptAndOneInThePastIsRefused() {
    Instant at = clock.instant().plusSeconds(3600);
    Secret created = client.createSecret(PARENT, "expiring", SecretLifecycleTest.automatic().toBuilder()
        .setExpireTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond())).build());
    assertThat(client.getSecret(created.getName()).getExpireTime().getSeconds()).isEqualTo(at.getEpochSecond());
    clock.advanceSeconds(3600);
    assertFails(() -> client.getSecret(created.getName()), Code.NOT_FOUND, "not found");

    assertFails(() -> client.createSecret(PARENT, "already-expired", SecretLifecycleTest.automatic().toBuilder()
        .setExpireTime(Timestamp.newBuilder().setSeconds(clock.instant().getEpochSecond() - 1)).build()),
        Code.INVALID_ARGUMENT, "expire_time");
  }
}
