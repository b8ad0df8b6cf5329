package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.gcp.ExistingSecret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the emulator can observe of the provider's requests: readAll's bound on parallel AccessSecretVersion calls
 * (the emulator's in-flight maximum, with added latency holding each call), list's server-side filter and paging
 * (foreign secrets and secrets outside the prefix never take a place on a page), where the ownership marker and the
 * user tags are kept (a label; annotations), and the CRC32C every write sends.
 */
@DisplayName("gcp readAll concurrency, list filter and paging, labels and annotations, write checksums")
class GcpListAndReadAllTest {

    static EmulatorWorld world;
    static SecretStore store;

    @BeforeAll
    static void start() {
        world = new EmulatorWorld();
        store = world.store(EmulatorWorld.STORE_ACCOUNT, EmulatorWorld.NAME_PREFIX);
    }

    @AfterAll
    static void stop() {
        store.close();
        world.close();
    }

    static List<SecretName> written(String scope, int n) {
        List<SecretName> names = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> {
            SecretName name = SecretName.of(scope + "/s" + i);
            store.put(name, SecretValue.ofText("v" + i));
            names.add(name);
        });
        return names;
    }

    long readAllPeak(SecretStore s, List<SecretName> names) {
        world.emulator.control().clearRequestCounts();
        world.emulator.control().setLatency(Duration.ofMillis(150));
        try {
            Map<SecretName, ReadResult> results = s.readAll(names);
            assertThat(results).hasSize(names.size());
            names.forEach(n -> assertThat(results.get(n).secret()).isPresent());
        } finally {
            world.emulator.control().clearFaults();
        }
        return world.emulator.control().maxInFlight("AccessSecretVersion");
    }

    @Test
    @DisplayName("readAll keeps at most readConcurrency reads in flight (2 configured; 8 by default)")
    void readAllIsBounded() {
        List<SecretName> names = written("bounded", 12);
        Map<String, Object> config = world.keyConfig(world.keyJson(EmulatorWorld.STORE_ACCOUNT), EmulatorWorld.NAME_PREFIX);
        config.put("readConcurrency", 2);
        try (SecretStore two = SecretStores.open(config)) {
            assertThat(readAllPeak(two, names)).isBetween(1L, 2L);
        }
        long peak = readAllPeak(store, names);
        assertThat(peak).as("in parallel, at most the default 8").isBetween(2L, 8L);
        assertThat(world.emulator.control().requestCount("AccessSecretVersion")).as("one read per name").isEqualTo(12);
    }

    @Test
    @DisplayName("list filters on the server: foreign secrets under the prefix take no place on a page")
    void listFiltersOnTheServerAndPages() {
        List<SecretName> ours = written("paged", 3);
        // Planted after ours, so newest first they come first: a client-side filter would return empty pages.
        IntStream.range(0, 10).forEach(i -> world.emulator.control().plantSecret(ExistingSecret.builder(
                EmulatorWorld.PROJECT, EmulatorWorld.NAME_PREFIX + "paged__foreign" + i).version("x").build()));

        Page<SecretMetadata> first = store.list(ListOptions.builder().prefix("paged/").pageSize(2).build());
        assertThat(first.items()).hasSize(2);
        assertThat(first.nextPageToken()).isPresent();
        Page<SecretMetadata> second = store.list(ListOptions.builder().prefix("paged/").pageSize(2)
                .pageToken(first.nextPageToken().get()).build());
        assertThat(second.items()).hasSize(1);

        List<SecretName> listed = new ArrayList<>();
        first.items().forEach(m -> listed.add(m.name()));
        second.items().forEach(m -> listed.add(m.name()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ours);
    }

    @Test
    @DisplayName("list filters the name prefix on the server too: our secrets outside it take no place on a page")
    void listFiltersThePrefixOnTheServer() {
        List<SecretName> ours = written("near", 3);
        // Managed secrets outside the prefix, newer than ours: a prefix applied only on the client would fill the
        // first pages with them and return those pages empty.
        written("zfar", 10);

        Page<SecretMetadata> first = store.list(ListOptions.builder().prefix("near/").pageSize(2).build());
        assertThat(first.items()).hasSize(2);
        Page<SecretMetadata> second = store.list(ListOptions.builder().prefix("near/").pageSize(2)
                .pageToken(first.nextPageToken().orElseThrow()).build());

        List<SecretName> listed = new ArrayList<>();
        first.items().forEach(m -> listed.add(m.name()));
        second.items().forEach(m -> listed.add(m.name()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ours);
    }

    @Test
    @DisplayName("the ownership marker is the one label <labelKey>=true; user tags are annotations, kept exactly")
    void tagsAreAnnotationsAndTheMarkerALabel() {
        SecretName name = SecretName.of("layout/tagged");
        Map<String, String> tags = Map.of("CostCenter", "RnD-EU-West", "Team.Owner", "Data Platform / EU: Zürich");
        store.create(name, SecretValue.ofText("v"), tags);

        try (var admin = world.adminClient()) {
            var secret = admin.getSecret(store.describe(name).nativeId());
            assertThat(secret.getLabelsMap()).isEqualTo(Map.of("airbyte-managed", "true"));
            assertThat(secret.getAnnotationsMap()).isEqualTo(tags);
        }
        assertThat(store.describe(name).tags()).containsAllEntriesOf(tags).containsEntry("airbyte-managed", "true");
    }

    @Test
    @DisplayName("every write sends data_crc32c (Secret Manager records it as client_specified_payload_checksum)")
    void writesSendTheirChecksum() {
        SecretName name = SecretName.of("checksum/sent");
        store.create(name, SecretValue.ofText("first"));
        store.put(name, SecretValue.ofText("second"));
        String secret = store.describe(name).nativeId();
        try (var admin = world.adminClient()) {
            assertThat(admin.getSecretVersion(secret + "/versions/1").getClientSpecifiedPayloadChecksum()).isTrue();
            assertThat(admin.getSecretVersion(secret + "/versions/2").getClientSpecifiedPayloadChecksum()).isTrue();
        }
    }
}
