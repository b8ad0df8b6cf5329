package dev.secretstore.emulator.gcp;

import static dev.secretstore.emulator.gcp.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.rpc.StatusCode.Code;
import com.google.cloud.secretmanager.v1.ListSecretVersionsRequest;
import com.google.cloud.secretmanager.v1.ListSecretsRequest;
import com.google.cloud.secretmanager.v1.ListSecretsResponse;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ListSecrets / ListSecretVersions: the documented filter syntax and paging. */
class ListAndFilterTest {
  private static final String PARENT = "projects/" + Clients.PROJECT;
  private static SecretManagerEmulator emulator;
  private static SecretManagerServiceClient client;

  @BeforeAll
  static void start() {
    emulator = SecretManagerEmulator.builder().build().start();
    client = Clients.plaintext(emulator);
    create("app-db", "env", "prod", "team", "data");
    create("app-cache", "env", "dev");
    create("billing-db", "env", "prod");
    create("other");
  }

  @AfterAll
  static void stop() {
    client.close();
    emulator.stop();
  }

  private static void create(String id, String... labels) {
    Secret.Builder s = SecretLifecycleTest.automatic().toBuilder();
    for (int i = 0; i < labels.length; i += 2) {
      s.putLabels(labels[i], labels[i + 1]);
    }
    client.createSecret(PARENT, id, s.build());
  }

  private static List<String> ids(String filter) {
    var response = client.listSecrets(ListSecretsRequest.newBuilder().setParent(PARENT).setFilter(filter).build());
    return StreamSupport.stream(response.iterateAll().spliterator(), false)
        .map(s -> s.getName().substring(s.getName().lastIndexOf('/') + 1)).toList();
  }

  @Test
  void nameHasSubstring() {
    assertThat(ids("name:app")).containsExactlyInAnyOrder("app-cache", "app-db");
    assertThat(ids("name:db")).containsExactlyInAnyOrder("app-db", "billing-db");
  }

  @Test
  void labelEqualityAndPresence() {
    assertThat(ids("labels.env=prod")).containsExactlyInAnyOrder("app-db", "billing-db");
    assertThat(ids("labels.team:*")).containsExactlyInAnyOrder("app-db");
    assertThat(ids("labels.env!=prod")).containsExactlyInAnyOrder("app-cache", "other");
  }

  @Test
  void andOrNotAndParentheses() {
    assertThat(ids("labels.env=prod AND name:app")).containsExactlyInAnyOrder("app-db");
    assertThat(ids("labels.env=prod name:app")).as("implicit AND").containsExactlyInAnyOrder("app-db");
    assertThat(ids("name:cache OR name:billing")).containsExactlyInAnyOrder("app-cache", "billing-db");
    assertThat(ids("NOT labels.env=prod")).containsExactlyInAnyOrder("app-cache", "other");
    assertThat(ids("-labels.env:*")).containsExactlyInAnyOrder("other");
    assertThat(ids("(name:cache OR name:billing) AND labels.env=prod")).containsExactlyInAnyOrder("billing-db");
    assertThat(ids("labels.env=dev OR labels.team=data AND name:db"))
        .as("OR binds tighter than AND").containsExactlyInAnyOrder("app-db");
    assertThat(ids("name:\"app-\" AND NOT labels.env=\"dev\"")).containsExactlyInAnyOrder("app-db");
  }

  @Test
  void createTimeComparisons() {
    assertThat(ids("create_time>2000-01-01T00:00:00Z")).hasSize(4);
    assertThat(ids("create_time<2000-01-01T00:00:00Z")).isEmpty();
  }

  @Test
  void malformedFiltersAreInvalidArguments() {
    assertFails(() -> ids("labels.env="), Code.INVALID_ARGUMENT, "Invalid filter");
    assertFails(() -> ids("(name:app"), Code.INVALID_ARGUMENT, "Invalid filter");
    assertFails(() -> ids("create_time>yesterday"), Code.INVALID_ARGUMENT, "Invalid filter");
  }

  @Test
  void pagesAreOrderedNewestFirstAndCoverEverything() {
    ListSecretsResponse first = client.listSecretsCallable().call(ListSecretsRequest.newBuilder().setParent(PARENT)
        .setPageSize(3).build());
    assertThat(first.getSecretsCount()).isEqualTo(3);
    assertThat(first.getTotalSize()).isEqualTo(4);
    assertThat(first.getNextPageToken()).isNotEmpty();
    ListSecretsResponse second = client.listSecretsCallable().call(ListSecretsRequest.newBuilder().setParent(PARENT)
        .setPageSize(3).setPageToken(first.getNextPageToken()).build());
    assertThat(second.getSecretsCount()).isEqualTo(1);
    assertThat(second.getNextPageToken()).isEmpty();
    List<String> all = new ArrayList<>();
    first.getSecretsList().forEach(s -> all.add(s.getName()));
    second.getSecretsList().forEach(s -> all.add(s.getName()));
    List<Secret> secrets = new ArrayList<>(first.getSecretsList());
    secrets.addAll(second.getSecretsList());
    assertThat(secrets).as("newest first by create_time, as service.proto says")
        .isSortedAccordingTo(java.util.Comparator.comparing((Secret s) -> s.getCreateTime().getSeconds())
            .thenComparing(s -> s.getCreateTime().getNanos()).reversed());
    assertThat(all).doesNotHaveDuplicates().hasSize(4);
    assertFails(() -> client.listSecretsCallable().call(ListSecretsRequest.newBuilder().setParent(PARENT)
        .setPageToken("bm9wZQ").build()), Code.INVALID_ARGUMENT, "page_token");
    assertThat(StreamSupport.stream(client.listSecrets(ListSecretsRequest.newBuilder().setParent(PARENT)
        .setPageSize(1).build()).iterateAll().spliterator(), false).count()).isEqualTo(4);
  }

  @Test
  void versionFiltersOnState() {
    String secret = client.createSecret(PARENT, "states", SecretLifecycleTest.automatic()).getName();
    for (int i = 0; i < 3; i++) {
      client.addSecretVersion(secret, SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("v" + i)).build());
    }
    client.disableSecretVersion(secret + "/versions/2");
    var enabled = client.listSecretVersions(ListSecretVersionsRequest.newBuilder().setParent(secret)
        .setFilter("state:ENABLED").build()).iterateAll();
    assertThat(enabled).extracting(SecretVersion::getName).containsExactly(secret + "/versions/3",
        secret + "/versions/1");
    var disabled = client.listSecretVersions(ListSecretVersionsRequest.newBuilder().setParent(secret)
        .setFilter("state=DISABLED").build()).iterateAll();
    assertThat(disabled).extracting(SecretVersion::getName).containsExactly(secret + "/versions/2");
    client.deleteSecret(secret);
  }

  /**
   * What a client needs to find a secret's newest enabled version: {@code versions/latest} is the newest version
   * whatever its state (service.proto: "the most recently created SecretVersion"), so access refuses it with
   * FAILED_PRECONDITION naming the state while GetSecretVersion describes it; ListSecretVersions lists newest first by
   * create_time (service.proto), so {@code state:ENABLED} with a page of one is the newest enabled version.
   */
  @Test
  void newestEnabledVersionIsThePageOfOneOfTheEnabledFilter() {
    String secret = client.createSecret(PARENT, "newest-enabled", SecretLifecycleTest.automatic()).getName();
    for (int i = 1; i <= 4; i++) {
      client.addSecretVersion(secret, SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("v" + i)).build());
    }
    client.destroySecretVersion(secret + "/versions/4");
    client.disableSecretVersion(secret + "/versions/3");

    assertThat(client.getSecretVersion(secret + "/versions/latest").getName()).isEqualTo(secret + "/versions/4");
    assertThat(client.getSecretVersion(secret + "/versions/latest").getState())
        .isEqualTo(SecretVersion.State.DESTROYED);
    assertFails(() -> client.accessSecretVersion(secret + "/versions/latest"), Code.FAILED_PRECONDITION,
        "DESTROYED");

    var first = client.listSecretVersionsCallable().call(ListSecretVersionsRequest.newBuilder().setParent(secret)
        .setFilter("state:ENABLED").setPageSize(1).build());
    assertThat(first.getVersionsList()).extracting(SecretVersion::getName).containsExactly(secret + "/versions/2");
    assertThat(first.getTotalSize()).as("0 when a filter is set (service.proto)").isZero();
    assertThat(client.listSecretVersionsCallable().call(ListSecretVersionsRequest.newBuilder().setParent(secret)
        .setPageSize(1).build()).getTotalSize()).as("without a filter: every version").isEqualTo(4);
    var second = client.listSecretVersionsCallable().call(ListSecretVersionsRequest.newBuilder().setParent(secret)
        .setFilter("state:ENABLED").setPageSize(1).setPageToken(first.getNextPageToken()).build());
    assertThat(second.getVersionsList()).extracting(SecretVersion::getName).containsExactly(secret + "/versions/1");
    assertThat(second.getNextPageToken()).isEmpty();

    List<SecretVersion> all = new ArrayList<>();
    client.listSecretVersions(secret).iterateAll().forEach(all::add);
    assertThat(all).extracting(SecretVersion::getName).containsExactly(secret + "/versions/4",
        secret + "/versions/3", secret + "/versions/2", secret + "/versions/1");
    assertThat(all).as("newest first by create_time, as service.proto says")
        .isSortedAccordingTo(java.util.Comparator.comparing((SecretVersion v) -> v.getCreateTime().getSeconds())
            .thenComparing(v -> v.getCreateTime().getNanos()).reversed());
    client.deleteSecret(secret);
  }
}
