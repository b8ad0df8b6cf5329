package dev.secretstore.emulator.gcp;

import static dev.secretstore.emulator.gcp.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.rpc.StatusCode.Code;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.secretmanager.v1.AccessSecretVersionRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsRequest;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process control API: state, key files, planted secrets, faults, latency, quotas, counts, reset. */
class ControlApiTest {
  private static final String PARENT = "projects/" + Clients.PROJECT;
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

  private static String plant(String id, String... versions) {
    ExistingSecret.Builder b = ExistingSecret.builder(Clients.PROJECT, id).label("owner", "someone-else");
    for (String v : versions) {
      b.version(v);
    }
    return control.plantSecret(b.build());
  }

  @Test
  void damagedStoredDataNoLongerMatchesItsChecksum() {
    emulator.control().plantSecret(ExistingSecret.builder(Clients.PROJECT, "damaged").version("intact value").build());
    String version = "projects/" + Clients.PROJECT + "/secrets/damaged/versions/1";
    var before = client.accessSecretVersion(version).getPayload();
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(before.getData().toByteArray());
    assertThat(before.getDataCrc32C()).isEqualTo(crc.getValue());

    emulator.control().damageStoredData(Clients.PROJECT, "damaged", 1);

    var after = client.accessSecretVersion(version).getPayload();
    java.util.zip.CRC32C again = new java.util.zip.CRC32C();
    again.update(after.getData().toByteArray());
    assertThat(after.getDataCrc32C()).as("the recorded checksum is kept").isEqualTo(before.getDataCrc32C());
    assertThat(again.getValue()).as("the data no longer matches it").isNotEqualTo(after.getDataCrc32C());
    assertThatThrownBy(() -> emulator.control().damageStoredData(Clients.PROJECT, "damaged", 9))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void damagedIncomingPayloadIsRefusedWhenItCarriesItsChecksum() {
    String secret = client.createSecret(PARENT, "damaged-in-transit", SecretLifecycleTest.automatic()).getName();
    byte[] data = "sent intact".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(data);
    var withChecksum = com.google.cloud.secretmanager.v1.SecretPayload.newBuilder()
        .setData(com.google.protobuf.ByteString.copyFrom(data)).setDataCrc32C(crc.getValue()).build();

    control.damageIncomingPayloads(1);
    assertFails(() -> client.addSecretVersion(secret, withChecksum), Code.INVALID_ARGUMENT, "Checksum mismatch");
    assertFails(() -> client.accessSecretVersion(secret + "/versions/latest"), Code.NOT_FOUND, "no versions");

    assertThat(client.addSecretVersion(secret, withChecksum).getName()).as("only the next request was damaged")
        .isEqualTo(secret + "/versions/1");

    control.damageIncomingPayloads(1);
    var stored = client.addSecretVersion(secret, com.google.cloud.secretmanager.v1.SecretPayload.newBuilder()
        .setData(com.google.protobuf.ByteString.copyFrom(data)).build());
    assertThat(client.accessSecretVersion(stored.getName()).getPayload().getData().toByteArray())
        .as("without a checksum the damage goes unnoticed: stored as it arrived").isNotEqualTo(data);

    control.damageIncomingPayloads(3);
    control.clearFaults();
    assertThat(client.addSecretVersion(secret, withChecksum).getName()).as("clearFaults cancels what is left")
        .isEqualTo(secret + "/versions/3");
  }

  @Test
  void afterNextChangesAVersionOnceBetweenTwoCallsOfAClient() {
    String secret = plant("raced", "v1", "v2");
    control.afterNext("ListSecretVersions", () -> control.setVersionState(Clients.PROJECT, "raced", 2,
        SecretVersion.State.DISABLED));

    var listed = client.listSecretVersionsCallable().call(ListSecretVersionsRequest.newBuilder().setParent(secret)
        .setFilter("state:ENABLED").setPageSize(1).build());

    assertThat(listed.getVersions(0).getName()).as("listed before the change").isEqualTo(secret + "/versions/2");
    assertThat(listed.getVersions(0).getState()).isEqualTo(SecretVersion.State.ENABLED);
    assertFails(() -> client.accessSecretVersion(secret + "/versions/2"), Code.FAILED_PRECONDITION,
        "is in DISABLED state");
    assertThat(client.getSecretVersion(secret + "/versions/2").getState()).isEqualTo(SecretVersion.State.DISABLED);

    control.setVersionState(Clients.PROJECT, "raced", 2, SecretVersion.State.ENABLED);
    client.listSecretVersions(secret).iterateAll().forEach(v -> { });
    assertThat(client.getSecretVersion(secret + "/versions/2").getState()).as("ran once")
        .isEqualTo(SecretVersion.State.ENABLED);

    control.setVersionState(Clients.PROJECT, "raced", 1, SecretVersion.State.DESTROYED);
    SecretVersion destroyed = client.getSecretVersion(secret + "/versions/1");
    assertThat(destroyed.getState()).isEqualTo(SecretVersion.State.DESTROYED);
    assertThat(destroyed.hasDestroyTime()).isTrue();
    assertThatThrownBy(() -> control.setVersionState(Clients.PROJECT, "raced", 1, SecretVersion.State.ENABLED))
        .hasMessageContaining("stays destroyed");
    assertThat(control.requestCount("DisableSecretVersion")).as("no request").isZero();

    control.afterNext("AccessSecretVersion", () -> control.setVersionState(Clients.PROJECT, "raced", 2,
        SecretVersion.State.DISABLED));
    control.setVersionState(Clients.PROJECT, "raced", 2, SecretVersion.State.DISABLED);
    control.afterNext("AccessSecretVersion", () -> control.setVersionState(Clients.PROJECT, "raced", 2,
        SecretVersion.State.ENABLED));
    control.clearFaults();
    control.afterNext("AccessSecretVersion", () -> control.setVersionState(Clients.PROJECT, "raced", 2,
        SecretVersion.State.ENABLED));
    assertFails(() -> client.accessSecretVersion(secret + "/versions/latest"), Code.FAILED_PRECONDITION, "DISABLED");
    assertThat(client.accessSecretVersion(secret + "/versions/latest").getName())
        .as("the change ran after the refused access, and clearFaults dropped the earlier ones")
        .isEqualTo(secret + "/versions/2");
  }

  @Test
  void plantedSecretsLookCreatedBySomeoneElse() {
    String name = plant("planted", "p1", "p2");
    assertThat(name).isEqualTo("projects/100000000001/secrets/planted");
    assertThat(client.getSecret(PARENT + "/secrets/planted").getLabelsMap()).containsEntry("owner", "someone-else");
    assertThat(client.accessSecretVersion(PARENT + "/secrets/planted/versions/latest").getPayload().getData()
        .toStringUtf8()).isEqualTo("p2");
    assertThatThrownBy(() -> plant("planted", "other")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already exists");
    assertThat(client.accessSecretVersion(PARENT + "/secrets/planted/versions/latest").getPayload().getData()
        .toStringUtf8()).as("a refused plant changes nothing").isEqualTo("p2");
    assertThat(ExistingSecret.builder("p", "s").version("hidden-value").build().toString())
        .doesNotContain("hidden-value");
  }

  @Test
  void unavailableFaultIsRetriedByTheClientAndCounted() {
    plant("flaky", "v");
    control.clearRequestCounts();
    control.addFault(Fault.of(Fault.Kind.UNAVAILABLE).onlyFor("AccessSecretVersion").times(1));
    assertThat(client.accessSecretVersion(PARENT + "/secrets/flaky/versions/latest").getPayload().getData()
        .toStringUtf8()).isEqualTo("v");
    assertThat(control.requestCount("AccessSecretVersion")).isEqualTo(2);
  }

  @Test
  void faultsFailCallsUntilCleared() {
    plant("faulty", "v");
    control.addFault(Fault.of(Fault.Kind.RESOURCE_EXHAUSTED).onlyFor("GetSecret"));
    assertFails(() -> client.getSecret(PARENT + "/secrets/faulty"), Code.RESOURCE_EXHAUSTED, "Quota exceeded");
    assertFails(() -> client.getSecret(PARENT + "/secrets/faulty"), Code.RESOURCE_EXHAUSTED, "Quota exceeded");
    assertThat(client.getSecretVersion(PARENT + "/secrets/faulty/versions/1").getName()).endsWith("/versions/1");
    control.clearFaults();
    assertThat(client.getSecret(PARENT + "/secrets/faulty").getName()).endsWith("/faulty");
    control.addFault(Fault.of(Fault.Kind.UNAVAILABLE).onlyFor("DeleteSecret"));
    assertFails(() -> client.deleteSecret(PARENT + "/secrets/faulty"), Code.UNAVAILABLE, "unavailable");
    control.clearFaults();
    client.deleteSecret(PARENT + "/secrets/faulty");
  }

  @Test
  void latencyDelaysResponsesPastAShortDeadline() {
    plant("slow", "v");
    control.setLatency(Duration.ofSeconds(3));
    AccessSecretVersionRequest request = AccessSecretVersionRequest.newBuilder()
        .setName(PARENT + "/secrets/slow/versions/1").build();
    assertFails(() -> client.accessSecretVersionCallable().call(request,
        GrpcCallContext.createDefault().withTimeoutDuration(Duration.ofMillis(300))), Code.DEADLINE_EXCEEDED, "");
    control.setLatency(Duration.ZERO);
    assertThat(client.accessSecretVersionCallable().call(request,
        GrpcCallContext.createDefault().withTimeoutDuration(Duration.ofSeconds(20))).getPayload().getData()
        .toStringUtf8()).isEqualTo("v");
  }

  @Test
  void quotasPerMinuteRefuseWithResourceExhausted() {
    control.setQuota(Quota.WRITE, 2);
    client.createSecret(PARENT, "q1", SecretLifecycleTest.automatic());
    client.createSecret(PARENT, "q2", SecretLifecycleTest.automatic());
    assertFails(() -> client.createSecret(PARENT, "q3", SecretLifecycleTest.automatic()), Code.RESOURCE_EXHAUSTED,
        "Quota exceeded for quota metric 'Write requests'");
    assertThat(client.getSecret(PARENT + "/secrets/q1").getName()).as("reads have their own quota").endsWith("q1");
    control.setQuota(Quota.WRITE, null);
    client.createSecret(PARENT, "q3", SecretLifecycleTest.automatic());
  }

  @Test
  void defaultPrincipalCanBeSwitchedOff() {
    plant("guarded", "v");
    control.setDefaultPrincipalEnabled(false);
    assertFails(() -> client.getSecret(PARENT + "/secrets/guarded"), Code.UNAUTHENTICATED,
        "Request is missing required authentication credential");
    control.setDefaultPrincipalEnabled(true);
    assertThat(client.getSecret(PARENT + "/secrets/guarded").getName()).endsWith("/guarded");
  }

  @Test
  void writtenKeyFileWorksWithTheClient(@TempDir Path dir) throws Exception {
    plant("keyed", "k");
    Path file = control.writeKeyFile(Clients.ACCESSOR, dir.resolve("accessor.json"));
    ServiceAccountCredentials credentials;
    try (var in = Files.newInputStream(file)) {
      credentials = ServiceAccountCredentials.fromStream(in);
    }
    assertThat(credentials.getClientEmail()).isEqualTo(Clients.ACCESSOR);
    try (SecretManagerServiceClient c = Clients.tls(emulator, credentials)) {
      assertThat(c.accessSecretVersion(PARENT + "/secrets/keyed/versions/1").getPayload().getData().toStringUtf8())
          .isEqualTo("k");
    }
  }

  @Test
  void loadedStateReplacesProjectsAccountsAndSecrets() {
    control.loadState("{\"projects\":[{\"id\":\"other-project\",\"number\":200000000002}],"
        + "\"secrets\":[{\"project\":\"other-project\",\"secretId\":\"seeded\",\"labels\":{\"from\":\"state\"},"
        + "\"versions\":[{\"data\":\"a\"},{\"data\":\"b\",\"state\":\"DISABLED\"}]}]}");
    assertThat(client.accessSecretVersion("projects/other-project/secrets/seeded/versions/1").getPayload().getData()
        .toStringUtf8()).isEqualTo("a");
    assertFails(() -> client.accessSecretVersion("projects/other-project/secrets/seeded/versions/latest"),
        Code.FAILED_PRECONDITION, "Secret Version [projects/200000000002/secrets/seeded/versions/2] is in DISABLED");
    // The default project is gone with the state it came from: refused as a project that does not exist.
    assertThat(assertFails(() -> client.listSecrets(PARENT).iterateAll().iterator().next(), Code.PERMISSION_DENIED,
        "Permission denied on resource project " + Clients.PROJECT + ".").getReason()).isEqualTo("CONSUMER_INVALID");
    client.deleteSecret("projects/other-project/secrets/seeded");
    control.reset();
    assertThat(client.getSecret("projects/200000000002/secrets/seeded").getLabelsMap())
        .as("reset returns to the loaded state").containsEntry("from", "state");
  }

  @Test
  void inFlightMaximumCountsConcurrentRequestsOnly() throws Exception {
    plant("busy", "v");
    // GetSecretVersion: no other test here leaves a delayed call of it in flight (the latency test's late
    // AccessSecretVersion is still in flight for a while after that test, and counted).
    String version = PARENT + "/secrets/busy/versions/1";
    control.clearRequestCounts();
    client.getSecretVersion(version);
    client.getSecretVersion(version);
    assertThat(control.maxInFlight("GetSecretVersion")).as("one after another").isEqualTo(1);

    control.setLatency(Duration.ofMillis(500));
    var calls = new java.util.ArrayList<com.google.api.core.ApiFuture<?>>();
    for (int i = 0; i < 4; i++) {
      calls.add(client.getSecretVersionCallable().futureCall(
          com.google.cloud.secretmanager.v1.GetSecretVersionRequest.newBuilder().setName(version).build()));
    }
    for (var c : calls) {
      c.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertThat(control.maxInFlight("GetSecretVersion")).as("four at once, held by the latency")
        .isBetween(2L, 4L);
    control.clearRequestCounts();
    assertThat(control.maxInFlight("GetSecretVersion")).isZero();
  }

  @Test
  void grpcConnectionsAreCountedPerChannel() throws Exception {
    plant("conn", "v");
    long before = control.grpcConnectionsOpened();
    long openBefore = control.grpcConnectionsOpen();
    try (SecretManagerServiceClient second = Clients.plaintext(emulator)) {
      for (int i = 0; i < 3; i++) {
        second.getSecret(PARENT + "/secrets/conn");
      }
      assertThat(control.grpcConnectionsOpened() - before).as("one channel, one connection").isEqualTo(1);
      assertThat(control.grpcConnectionsOpen()).isEqualTo(openBefore + 1);
      second.shutdown();
      second.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); // bounds the wait only
    while (control.grpcConnectionsOpen() > openBefore && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(control.grpcConnectionsOpen()).as("closed with its client").isEqualTo(openBefore);
  }

  @Test
  void resetClearsSecretsFaultsQuotasAndCounts() {
    plant("gone", "v");
    control.addFault(Fault.of(Fault.Kind.UNAVAILABLE).onlyFor("CreateSecret"));
    control.setQuota(Quota.READ, 0);
    control.reset();
    assertThat(control.requestCounts()).isEmpty();
    assertFails(() -> client.getSecret(PARENT + "/secrets/gone"), Code.NOT_FOUND, "not found");
    client.createSecret(PARENT, "after-reset", SecretLifecycleTest.automatic());
    assertThat(control.requestCount("GetSecret")).isEqualTo(1);
    assertThat(control.requestCount("CreateSecret")).isEqualTo(1);
  }

  @Test
  void emptyPagesComeBackWithATokenThatResumesWhereTheyWouldHaveStarted() {
    String secret = plant("paged", "one", "two", "three");
    control.emptyPages("ListSecretVersions", 2);
    ListSecretVersionsRequest first = ListSecretVersionsRequest.newBuilder().setParent(secret)
        .setFilter("state:ENABLED").setPageSize(1).build();

    var empty = client.listSecretVersionsCallable().call(first);
    assertThat(empty.getVersionsList()).isEmpty();
    assertThat(empty.getNextPageToken()).as("not the end of the collection").isNotEmpty();
    var emptyAgain = client.listSecretVersionsCallable().call(first.toBuilder()
        .setPageToken(empty.getNextPageToken()).build());
    assertThat(emptyAgain.getVersionsList()).isEmpty();
    var resumed = client.listSecretVersionsCallable().call(first.toBuilder()
        .setPageToken(emptyAgain.getNextPageToken()).build());
    assertThat(resumed.getVersionsList()).extracting(SecretVersion::getName).containsExactly(secret + "/versions/3");

    // The client's own paging follows the tokens to every version, newest first.
    control.emptyPages("ListSecretVersions", 1);
    assertThat(client.listSecretVersions(ListSecretVersionsRequest.newBuilder().setParent(secret).setPageSize(1)
        .build()).iterateAll()).extracting(SecretVersion::getName)
        .containsExactly(secret + "/versions/3", secret + "/versions/2", secret + "/versions/1");
    control.emptyPages("ListSecretVersions", 1);
    control.clearFaults();
    assertThat(client.listSecretVersionsCallable().call(first).getVersionsList()).as("cleared").hasSize(1);
  }

  @Test
  void deletedSecretIsGoneForGoogleClient() {
    String secret = plant("deleted-by-control", "one");
    control.clearRequestCounts();

    control.deleteSecret(Clients.PROJECT, "deleted-by-control");

    assertFails(() -> client.getSecret(secret), Code.NOT_FOUND, "deleted-by-control");
    assertFails(() -> client.accessSecretVersion(secret + "/versions/1"), Code.NOT_FOUND, "deleted-by-control");
    assertThat(control.requestCount("DeleteSecret")).as("no request").isZero();
    assertThatThrownBy(() -> control.deleteSecret(Clients.PROJECT, "deleted-by-control"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
