package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Both sides of the 255-character secret id, with the name prefix, over the wire. */
@DisplayName("gcp name limits")
class GcpNameLimitsTest {

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

    @Test
    @DisplayName("a name of exactly maxNameLength whose characters pass through round-trips, its id 255 characters long")
    void longestNameRoundTrips() {
        int max = store.limits().maxNameLength();
        assertThat(max).isEqualTo(255 - EmulatorWorld.NAME_PREFIX.length());
        StringBuilder value = new StringBuilder("airbyte_workspace_");
        for (int i = 0; value.length() < max; i++) {
            value.append(Character.forDigit(i % 36, 36));
        }
        SecretName name = SecretName.of(value.toString());

        store.create(name, SecretValue.ofText("at the limit"));

        assertThat(store.read(name).value().text()).isEqualTo("at the limit");
        assertThat(store.describe(name).nativeId()).endsWith("/secrets/" + EmulatorWorld.NAME_PREFIX + name.value());
        assertThat(store.describe(name).nativeId().substring(store.describe(name).nativeId().lastIndexOf('/') + 1))
                .hasSize(255);
        store.delete(name);
    }

    @Test
    @DisplayName("a name whose escapes take it over 255 is refused before any request, saying what fits")
    void escapedNameOverTheLimitIsRefusedBeforeIo() {
        String value = "a/" + "b".repeat(store.limits().maxNameLength() - 2);
        long before = world.emulator.control().requestCounts().values().stream().mapToLong(Long::longValue).sum();

        InvalidSecretNameException e = catchThrowableOfType(() -> store.create(SecretName.of(value),
                SecretValue.ofText("never sent")), InvalidSecretNameException.class);

        assertThat(e.getMessage()).contains("255").contains("'/'");
        assertThat(world.emulator.control().requestCounts().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(before);
    }
}
