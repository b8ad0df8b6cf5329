package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.ListOptions;
import dev.secretstore.SecretIntegrityException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Denials name the permission and the role that carries it, never read as absence; CRC32C damage is typed. */
@DisplayName("gcp error mapping")
class GcpErrorMappingTest {

    static EmulatorWorld world;
    static SecretStore store;
    static final SecretName NAME = SecretName.of("errors/db_password");

    @BeforeAll
    static void start() {
        world = new EmulatorWorld();
        store = world.store(EmulatorWorld.STORE_ACCOUNT, EmulatorWorld.NAME_PREFIX);
        store.put(NAME, SecretValue.ofText("s3cr3t"));
    }

    @AfterAll
    static void stop() {
        store.close();
        world.close();
    }

    @Test
    @DisplayName("secretAccessor only: reads work; describe and list are denied naming secrets.get/list and the viewer role")
    void accessorOnly() {
        try (SecretStore accessor = world.store(EmulatorWorld.ACCESSOR, EmulatorWorld.NAME_PREFIX)) {
            assertThat(accessor.read(NAME).value().text()).isEqualTo("s3cr3t");

            AccessDeniedException describe = catchThrowableOfType(() -> accessor.find(NAME), AccessDeniedException.class);
            assertThat(describe.getMessage()).contains("secretmanager.secrets.get");
            assertThat(describe.remediation()).hasValueSatisfying(r -> assertThat(r).contains("roles/secretmanager.viewer"));

            AccessDeniedException list = catchThrowableOfType(() -> accessor.list(ListOptions.defaults()),
                    AccessDeniedException.class);
            assertThat(list.getMessage()).contains("secretmanager.secrets.list");
        }
    }

    @Test
    @DisplayName("viewer only: describe works; reading the value is denied naming versions.access and secretAccessor")
    void viewerOnly() {
        try (SecretStore viewer = world.store(EmulatorWorld.VIEWER, EmulatorWorld.NAME_PREFIX)) {
            assertThat(viewer.describe(NAME).tags()).containsEntry("airbyte-managed", "true");

            AccessDeniedException read = catchThrowableOfType(() -> viewer.read(NAME), AccessDeniedException.class);
            assertThat(read.getMessage()).contains("secretmanager.versions.access");
            assertThat(read.remediation()).hasValueSatisfying(r -> assertThat(r)
                    .contains("roles/secretmanager.secretAccessor").contains("secretstore policy gcp"));
            assertThat(read.secretName()).contains(NAME);
        }
    }

    @Test
    @DisplayName("the conditioned grant confines the account to its prefix: outside it, values are denied, not missing")
    void conditionConfinesToThePrefix() {
        try (SecretStore outside = world.store(EmulatorWorld.STORE_ACCOUNT, "other_")) {
            AccessDeniedException e = catchThrowableOfType(() -> outside.read(NAME), AccessDeniedException.class);
            assertThat(e.getMessage()).contains("secretmanager.versions.access");
        }
    }

    @Test
    @DisplayName("a disabled or destroyed version is a clear not-found naming its state (FAILED_PRECONDITION)")
    void disabledAndDestroyedVersions() {
        SecretName name = SecretName.of("errors/versions");
        store.put(name, SecretValue.ofText("first"));
        store.put(name, SecretValue.ofText("second"));
        String secret = store.describe(name).nativeId();
        try (var admin = world.adminClient()) {
            admin.disableSecretVersion(secret + "/versions/2");
            admin.destroySecretVersion(secret + "/versions/1");
        }

        dev.secretstore.SecretNotFoundException disabled = catchThrowableOfType(() -> store.read(name, "2"),
                dev.secretstore.SecretNotFoundException.class);
        assertThat(disabled.getMessage()).contains("DISABLED").contains("FAILED_PRECONDITION");
        assertThat(disabled.remediation()).hasValueSatisfying(r -> assertThat(r).contains("enable"));
        dev.secretstore.SecretNotFoundException destroyed = catchThrowableOfType(() -> store.read(name, "1"),
                dev.secretstore.SecretNotFoundException.class);
        assertThat(destroyed.getMessage()).contains("DESTROYED");
    }

    @Test
    @DisplayName("latest is the newest enabled version: when the newest is disabled, a read returns the older enabled "
            + "value with its version id, and the disabled one asked for by number names its state")
    void disabledLatestVersion() {
        SecretName name = SecretName.of("errors/latest-disabled");
        store.put(name, SecretValue.ofText("first"));
        store.put(name, SecretValue.ofText("second"));
        try (var admin = world.adminClient()) {
            admin.disableSecretVersion(store.describe(name).nativeId() + "/versions/2");
        }

        dev.secretstore.Secret read = store.read(name);

        assertThat(read.value().text()).isEqualTo("first");
        assertThat(read.version()).isEqualTo("1");
        SecretNotFoundException e = catchThrowableOfType(() -> store.read(name, "2"), SecretNotFoundException.class);
        assertThat(e).as("reading the disabled version by number").isNotNull();
        assertThat(e.getMessage()).contains("/versions/2").contains("DISABLED").contains("FAILED_PRECONDITION")
                .doesNotContain("second");
        assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("enable"));
    }

    @Test
    @DisplayName("a value whose CRC32C does not match the one Secret Manager sent is a SecretIntegrityException")
    void checksumMismatch() {
        SecretName damaged = SecretName.of("errors/damaged");
        store.put(damaged, SecretValue.ofText("will be damaged"));
        // Written out, not computed by the codec under test: the prefix, then '/' as "__" (the module README).
        String secretId = "airbyte_errors__damaged";
        world.emulator.control().damageStoredData(EmulatorWorld.PROJECT, secretId, 1);

        SecretIntegrityException e = catchThrowableOfType(() -> store.read(damaged), SecretIntegrityException.class);

        assertThat(e.getMessage()).contains("CRC32C").doesNotContain("will be damaged").doesNotContain("damaged\u0001");
        assertThat(e.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/secrets/" + secretId + "/versions/1"));
        SecretIntegrityException byVersion = catchThrowableOfType(() -> store.read(damaged, "1"),
                SecretIntegrityException.class);
        assertThat(byVersion).as("read of version 1 by its number").isNotNull();
        assertThat(byVersion.getMessage()).contains("CRC32C").doesNotContain("will be damaged");
        assertThat(store.readAll(java.util.List.of(damaged)).get(damaged).failure())
                .hasValueSatisfying(f -> assertThat(f).isInstanceOf(SecretIntegrityException.class));
    }

    @Test
    @DisplayName("a value damaged on its way in is refused by its data_crc32c: a SecretIntegrityException, attempted "
            + "once, nothing stored, and a create leaves no secret behind")
    void valueDamagedOnItsWayIn() {
        SecretName existing = SecretName.of("errors/damaged-on-put");
        store.put(existing, SecretValue.ofText("first"));
        var control = world.emulator.control();
        long before = control.requestCount("AddSecretVersion");
        control.damageIncomingPayloads(1);

        SecretIntegrityException put = catchThrowableOfType(() -> store.put(existing, SecretValue.ofText("second")),
                SecretIntegrityException.class);

        assertThat(put).as("a put whose value arrived damaged").isNotNull();
        assertThat(put.getMessage()).contains("CRC32C").contains("nothing was stored").doesNotContain("second");
        assertThat(control.requestCount("AddSecretVersion") - before).as("attempts").isEqualTo(1);
        assertThat(store.read(existing).value().text()).isEqualTo("first");
        assertThat(store.read(existing).version()).isEqualTo("1");

        SecretName fresh = SecretName.of("errors/damaged-on-create");
        control.damageIncomingPayloads(1);
        SecretIntegrityException create = catchThrowableOfType(() -> store.create(fresh, SecretValue.ofText("lost")),
                SecretIntegrityException.class);
        assertThat(create).as("a create whose value arrived damaged").isNotNull();
        assertThat(store.find(fresh)).as("no secret without a value is left behind").isEmpty();
    }

    @Test
    @DisplayName("a malformed version is refused as not-found without repeating the argument")
    void malformedVersionNotRepeated() {
        String version = "v!x$unusual-version";
        SecretNotFoundException e = catchThrowableOfType(() -> store.read(NAME, version), SecretNotFoundException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).doesNotContain(version).contains("versions");
        assertThat(e.secretName()).contains(NAME);
    }
}
