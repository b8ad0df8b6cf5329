package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretVersion;
import dev.secretstore.AccessDeniedException;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The current value is the newest ENABLED version (issue 12), not Secret Manager's {@code versions/latest} alias (the
 * newest version whatever its state): one AccessSecretVersion in the common case; ListSecretVersions
 * ({@code state:ENABLED}, newest first) and an AccessSecretVersion of what it names only when the newest version is
 * disabled or destroyed. Versions are disabled and destroyed with Google's client as {@code admin@}, behind the
 * store's back, as an operator would; request counts are the emulator's request log.
 */
@DisplayName("gcp current version: the newest enabled one")
class GcpCurrentVersionTest {

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

    /** Writes the values as versions 1..n and returns the secret's resource name. */
    static String written(SecretName name, String... values) {
        for (String v : values) {
            store.put(name, SecretValue.ofText(v));
        }
        return store.describe(name).nativeId();
    }

    static void asAdmin(Consumer<SecretManagerServiceClient> change) {
        try (SecretManagerServiceClient admin = world.adminClient()) {
            change.accept(admin);
        }
    }

    static Map<String, Long> requestsDuring(Runnable r) {
        world.emulator.control().clearRequestCounts();
        r.run();
        return world.emulator.control().requestCounts();
    }

    @Test
    @DisplayName("common case: a read is exactly one request, AccessSecretVersion")
    void commonCaseIsOneRequest() {
        SecretName name = SecretName.of("current/plain");
        written(name, "first", "second");
        Secret[] read = new Secret[1];

        Map<String, Long> requests = requestsDuring(() -> read[0] = store.read(name));

        assertThat(read[0].value().text()).isEqualTo("second");
        assertThat(read[0].version()).isEqualTo("2");
        assertThat(requests).as("requests of one read").containsExactly(Map.entry("AccessSecretVersion", 1L));
    }

    @Test
    @DisplayName("newest version disabled: the older enabled value, with its version id; one extra ListSecretVersions "
            + "and AccessSecretVersion")
    void newestDisabledReadsTheOlderEnabledVersion() {
        SecretName name = SecretName.of("current/newest-disabled");
        String secret = written(name, "first", "second", "third");
        asAdmin(admin -> admin.disableSecretVersion(secret + "/versions/3"));
        Secret[] read = new Secret[1];

        Map<String, Long> requests = requestsDuring(() -> read[0] = store.read(name));

        assertThat(read[0].value().text()).isEqualTo("second");
        assertThat(read[0].version()).isEqualTo("2");
        assertThat(requests).as("latest (refused), the list, the version it names")
                .containsOnly(Map.entry("AccessSecretVersion", 2L), Map.entry("ListSecretVersions", 1L));
        assertThat(store.read(name, "latest").version()).as("'latest' asked for by name is the same").isEqualTo("2");
    }

    @Test
    @DisplayName("newest versions destroyed and disabled: the newest enabled one below them")
    void newestDestroyedReadsTheOlderEnabledVersion() {
        SecretName name = SecretName.of("current/newest-destroyed");
        String secret = written(name, "first", "second", "third", "fourth");
        asAdmin(admin -> {
            admin.destroySecretVersion(secret + "/versions/4");
            admin.disableSecretVersion(secret + "/versions/3");
        });

        Secret read = store.read(name);

        assertThat(read.value().text()).isEqualTo("second");
        assertThat(read.version()).isEqualTo("2");
    }

    @Test
    @DisplayName("re-enabled, the newest version is current again; a new put is current at once")
    void reEnabledAndNewVersionsAreCurrent() {
        SecretName name = SecretName.of("current/re-enabled");
        String secret = written(name, "first", "second");
        asAdmin(admin -> admin.disableSecretVersion(secret + "/versions/2"));
        assertThat(store.read(name).version()).isEqualTo("1");

        asAdmin(admin -> admin.enableSecretVersion(secret + "/versions/2"));
        assertThat(store.read(name).value().text()).isEqualTo("second");

        asAdmin(admin -> admin.disableSecretVersion(secret + "/versions/2"));
        store.put(name, SecretValue.ofText("third"));
        assertThat(store.read(name).value().text()).isEqualTo("third");
        assertThat(store.read(name).version()).isEqualTo("3");
    }

    static void afterNext(String method, String secretId, long version, SecretVersion.State state) {
        world.emulator.control().afterNext(method, () -> world.emulator.control().setVersionState(EmulatorWorld.PROJECT,
                secretId, version, state));
    }

    static String secretId(String resourceName) {
        return resourceName.substring(resourceName.lastIndexOf('/') + 1);
    }

    @Test
    @DisplayName("race: the secret deleted after the refused access, or after the list: a not-found, looked up no further")
    void secretDeletedBetweenTheCalls() {
        SecretName name = SecretName.of("current/race-deleted");
        String secret = written(name, "first", "second");
        asAdmin(admin -> admin.disableSecretVersion(secret + "/versions/2"));
        world.emulator.control().afterNext("AccessSecretVersion",
                () -> world.emulator.control().deleteSecret(EmulatorWorld.PROJECT, secretId(secret)));
        SecretNotFoundException[] gone = new SecretNotFoundException[1];

        Map<String, Long> requests = requestsDuring(() -> gone[0] = catchThrowableOfType(() -> store.read(name),
                SecretNotFoundException.class));

        assertThat(gone[0]).as("deleted before the list").isNotNull();
        assertThat(gone[0].getMessage()).contains("ListSecretVersions: NOT_FOUND").doesNotContain("first");
        assertThat(requests).containsOnly(Map.entry("AccessSecretVersion", 1L), Map.entry("ListSecretVersions", 1L));

        SecretName other = SecretName.of("current/race-deleted-after-list");
        String otherSecret = written(other, "first", "second");
        asAdmin(admin -> admin.disableSecretVersion(otherSecret + "/versions/2"));
        world.emulator.control().afterNext("ListSecretVersions",
                () -> world.emulator.control().deleteSecret(EmulatorWorld.PROJECT, secretId(otherSecret)));
        SecretNotFoundException afterList = catchThrowableOfType(() -> store.read(other),
                SecretNotFoundException.class);
        assertThat(afterList).as("deleted after the list named version 1").isNotNull();
        assertThat(afterList.getMessage()).contains("AccessSecretVersion: NOT_FOUND").contains("/versions/1");
        assertThat(afterList.secretName()).contains(other);
    }

    @Test
    @DisplayName("race: the listed version is disabled before it is accessed: listed again, the next enabled one")
    void listedVersionDisabledBeforeItIsAccessed() {
        SecretName name = SecretName.of("current/race-disabled");
        String secret = written(name, "first", "second", "third");
        asAdmin(admin -> admin.disableSecretVersion(secret + "/versions/3"));
        afterNext("ListSecretVersions", secretId(secret), 2, SecretVersion.State.DISABLED);
        Secret[] read = new Secret[1];

        Map<String, Long> requests = requestsDuring(() -> read[0] = store.read(name));

        assertThat(read[0].value().text()).isEqualTo("first");
        assertThat(read[0].version()).isEqualTo("1");
        assertThat(requests).as("latest, list (names 2), 2 (now disabled), list again (names 1), 1")
                .containsOnly(Map.entry("AccessSecretVersion", 3L), Map.entry("ListSecretVersions", 2L));
    }

    @Test
    @DisplayName("race: the only enabled version is destroyed before it is accessed: not-found naming DESTROYED")
    void listedVersionDestroyedAndNoneLeft() {
        SecretName name = SecretName.of("current/race-destroyed");
        String secret = written(name, "first", "second");
        asAdmin(admin -> admin.disableSecretVersion(secret + "/versions/2"));
        afterNext("ListSecretVersions", secretId(secret), 1, SecretVersion.State.DESTROYED);

        SecretNotFoundException e = catchThrowableOfType(() -> store.read(name), SecretNotFoundException.class);

        assertThat(e).as("reading when the last enabled version was destroyed meanwhile").isNotNull();
        assertThat(e.getMessage()).contains("/versions/1 is DESTROYED").contains("no ENABLED version")
                .doesNotContain("first");
    }

    @Test
    @DisplayName("race: the newest version is enabled again between the refused access and the list: it is read")
    void newestReEnabledBeforeTheList() {
        SecretName name = SecretName.of("current/race-re-enabled");
        String secret = written(name, "first", "second");
        asAdmin(admin -> admin.disableSecretVersion(secret + "/versions/2"));
        afterNext("AccessSecretVersion", secretId(secret), 2, SecretVersion.State.ENABLED);

        Secret read = store.read(name);

        assertThat(read.value().text()).isEqualTo("second");
        assertThat(read.version()).isEqualTo("2");
    }

    @Test
    @DisplayName("race: versions keep being disabled under the read: it stops after " + GcpCurrentVersion.MAX_ROUNDS
            + " lists with a not-found saying so")
    void versionsKeepChangingState() {
        SecretName name = SecretName.of("current/race-churn");
        String secret = written(name, "v1", "v2", "v3", "v4", "v5");
        asAdmin(admin -> admin.disableSecretVersion(secret + "/versions/5"));
        String id = secretId(secret);
        // Each list names the newest enabled version, which is then disabled before its access: 4, 3, 2.
        for (long v = 4; v >= 2; v--) {
            long version = v;
            world.emulator.control().afterNext("ListSecretVersions", () -> {
                world.emulator.control().setVersionState(EmulatorWorld.PROJECT, id, version,
                        SecretVersion.State.DISABLED);
            });
        }
        world.emulator.control().clearRequestCounts();

        SecretNotFoundException e = catchThrowableOfType(() -> store.read(name), SecretNotFoundException.class);

        assertThat(e).as("a read whose versions keep changing state").isNotNull();
        assertThat(e.getMessage()).contains("keep changing state").contains("/versions/2 is DISABLED");
        assertThat(world.emulator.control().requestCount("ListSecretVersions")).as("bounded")
                .isEqualTo(GcpCurrentVersion.MAX_ROUNDS);
        assertThat(store.read(name).version()).as("once it settles").isEqualTo("1");
    }

    @Test
    @DisplayName("no version enabled: a not-found naming the newest version's state, quoting no value")
    void noEnabledVersionIsNotFoundNamingTheState() {
        SecretName name = SecretName.of("current/all-disabled");
        String secret = written(name, "first", "second");
        asAdmin(admin -> {
            admin.disableSecretVersion(secret + "/versions/2");
            admin.disableSecretVersion(secret + "/versions/1");
        });

        SecretNotFoundException e = catchThrowableOfType(() -> store.read(name), SecretNotFoundException.class);

        assertThat(e).as("reading a secret with no enabled version").isNotNull();
        assertThat(e.getMessage()).contains("no enabled version").contains("/versions/latest is DISABLED")
                .contains("FAILED_PRECONDITION").doesNotContain("first").doesNotContain("second");
        assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("enable"));
        assertThat(e.secretName()).contains(name);

        SecretName destroyed = SecretName.of("current/destroyed-and-disabled");
        String other = written(destroyed, "first", "second");
        asAdmin(admin -> {
            admin.destroySecretVersion(other + "/versions/2");
            admin.disableSecretVersion(other + "/versions/1");
        });
        assertThat(catchThrowableOfType(() -> store.read(destroyed), SecretNotFoundException.class).getMessage())
                .contains("/versions/latest is DESTROYED");
    }

    @Test
    @DisplayName("a version asked for by number that is disabled or destroyed stays the typed error naming its state")
    void explicitVersionIsNotReplaced() {
        SecretName name = SecretName.of("current/explicit");
        String secret = written(name, "first", "second", "third");
        asAdmin(admin -> {
            admin.disableSecretVersion(secret + "/versions/3");
            admin.destroySecretVersion(secret + "/versions/2");
        });

        assertThat(catchThrowableOfType(() -> store.read(name, "3"), SecretNotFoundException.class).getMessage())
                .contains("/versions/3 is DISABLED");
        assertThat(catchThrowableOfType(() -> store.read(name, "2"), SecretNotFoundException.class).getMessage())
                .contains("/versions/2 is DESTROYED");
        assertThat(store.read(name).version()).isEqualTo("1");
    }

    @Test
    @DisplayName("an empty page of the list that is not the last (AIP-158 allows it) is followed, not read as 'none "
            + "enabled'")
    void emptyPageWithATokenIsFollowed() {
        SecretName name = SecretName.of("current/empty-page");
        String secret = written(name, "first", "second", "third");
        asAdmin(admin -> admin.disableSecretVersion(secret + "/versions/3"));
        world.emulator.control().emptyPages("ListSecretVersions", 2);
        Secret[] read = new Secret[1];

        Map<String, Long> requests = requestsDuring(() -> read[0] = store.read(name));

        assertThat(read[0].value().text()).isEqualTo("second");
        assertThat(read[0].version()).isEqualTo("2");
        assertThat(requests).as("latest (refused), two empty pages and the one naming version 2, its access")
                .containsOnly(Map.entry("AccessSecretVersion", 2L), Map.entry("ListSecretVersions", 3L));

        world.emulator.control().emptyPages("ListSecretVersions", 1);
        assertThat(store.describe(name).version()).as("describe follows it too").contains("2");

        world.emulator.control().emptyPages("ListSecretVersions", GcpCurrentVersion.MAX_EMPTY_PAGES + 1);
        Map<String, Long> bounded = requestsDuring(() -> assertThat(catchThrowableOfType(() -> store.read(name),
                StoreUnavailableException.class)).as("a service that keeps answering empty pages").isNotNull());
        assertThat(bounded).as("bounded").containsEntry("ListSecretVersions", (long) GcpCurrentVersion.MAX_EMPTY_PAGES);
        world.emulator.control().clearFaults();
    }

    @Test
    @DisplayName("the state comes from Google's phrase, not from a secret ID that happens to say 'destroyed'")
    void stateIsNotReadFromTheSecretId() {
        SecretName name = SecretName.of("destroyed-backup");
        String secret = written(name, "first", "second");
        asAdmin(admin -> {
            admin.disableSecretVersion(secret + "/versions/2");
            admin.disableSecretVersion(secret + "/versions/1");
        });

        SecretNotFoundException latest = catchThrowableOfType(() -> store.read(name), SecretNotFoundException.class);
        assertThat(latest.getMessage()).contains("/versions/latest is DISABLED").doesNotContain("is DESTROYED");
        SecretNotFoundException explicit = catchThrowableOfType(() -> store.read(name, "1"),
                SecretNotFoundException.class);
        assertThat(explicit.getMessage()).contains("/versions/1 is DISABLED");
        assertThat(explicit.remediation()).hasValueSatisfying(r -> assertThat(r).contains("enable it"));
    }

    @Test
    @DisplayName("readAll: a secret whose newest version is disabled reads as its newest enabled one among the others")
    void readAllWithADisabledNewestVersion() {
        SecretName plain = SecretName.of("current/all-plain");
        SecretName disabledNewest = SecretName.of("current/all-disabled-newest");
        SecretName noneEnabled = SecretName.of("current/all-none-enabled");
        written(plain, "plain 1");
        String secret = written(disabledNewest, "kept", "pulled");
        String none = written(noneEnabled, "gone");
        asAdmin(admin -> {
            admin.disableSecretVersion(secret + "/versions/2");
            admin.disableSecretVersion(none + "/versions/1");
        });

        Map<SecretName, ReadResult> results = store.readAll(List.of(plain, disabledNewest, noneEnabled));

        assertThat(results.get(plain).secret()).hasValueSatisfying(s -> assertThat(s.value().text()).isEqualTo("plain 1"));
        assertThat(results.get(disabledNewest).secret()).hasValueSatisfying(s -> {
            assertThat(s.value().text()).isEqualTo("kept");
            assertThat(s.version()).isEqualTo("1");
        });
        assertThat(results.get(noneEnabled).failure()).hasValueSatisfying(f -> assertThat(f)
                .isInstanceOf(SecretNotFoundException.class).hasMessageContaining("DISABLED"));
    }

    @Test
    @DisplayName("describe names the version a read returns (what the cache's refresh compares): the newest enabled "
            + "one, or none; two requests in the common case")
    void describeNamesTheCurrentVersion() {
        SecretName name = SecretName.of("current/described");
        String secret = written(name, "first", "second");
        SecretMetadata[] described = new SecretMetadata[1];

        Map<String, Long> plain = requestsDuring(() -> described[0] = store.describe(name));
        assertThat(described[0].version()).contains("2");
        assertThat(plain).containsOnly(Map.entry("GetSecret", 1L), Map.entry("GetSecretVersion", 1L));

        asAdmin(admin -> admin.disableSecretVersion(secret + "/versions/2"));
        Map<String, Long> fallback = requestsDuring(() -> described[0] = store.describe(name));
        assertThat(described[0].version()).as("after version 2 was disabled").contains("1")
                .contains(store.read(name).version());
        assertThat(described[0].updatedAt()).as("version 1's create time").isPresent();
        assertThat(fallback).containsOnly(Map.entry("GetSecret", 1L), Map.entry("GetSecretVersion", 1L),
                Map.entry("ListSecretVersions", 1L));

        asAdmin(admin -> admin.disableSecretVersion(secret + "/versions/1"));
        assertThat(store.describe(name).version()).as("no version enabled").isEmpty();
    }

    @Test
    @DisplayName("secretAccessor alone, newest version disabled: a denial naming versions.list and the viewer role, "
            + "never a not-found")
    void accessorAloneIsDeniedTheList() {
        SecretName name = SecretName.of("current/accessor");
        String secret = written(name, "first", "second");
        try (SecretStore accessor = world.store(EmulatorWorld.ACCESSOR, EmulatorWorld.NAME_PREFIX)) {
            assertThat(accessor.read(name).value().text()).isEqualTo("second");
            asAdmin(admin -> admin.disableSecretVersion(secret + "/versions/2"));

            AccessDeniedException e = catchThrowableOfType(() -> accessor.read(name), AccessDeniedException.class);

            assertThat(e).as("reading with secretAccessor alone").isNotNull();
            assertThat(e.getMessage()).contains("is DISABLED").contains("secretmanager.versions.list")
                    .doesNotContain("first");
            assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("roles/secretmanager.viewer"));
        }
        try (SecretStore reader = world.store(EmulatorWorld.READER, EmulatorWorld.NAME_PREFIX)) {
            assertThat(reader.read(name).value().text()).as("secretAccessor and viewer").isEqualTo("first");
        }
    }
}
