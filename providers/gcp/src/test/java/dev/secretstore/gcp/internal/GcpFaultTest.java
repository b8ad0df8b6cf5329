package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.emulator.gcp.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one retry policy over the emulator's fault table (3 attempts in the test config): transient faults are
 * absorbed with exactly that many attempts, persistent ones end typed after them, a denial is attempted once. The
 * request log counts every attempt that reaches the emulator, so any retry of the client library's own would show.
 */
@DisplayName("gcp faults and retries")
class GcpFaultTest {

    static EmulatorWorld world;
    static SecretStore store;
    static SecretStore reader;
    static final int ATTEMPTS = 3;

    @BeforeAll
    static void start() {
        world = new EmulatorWorld();
        store = world.store(EmulatorWorld.STORE_ACCOUNT, EmulatorWorld.NAME_PREFIX);
        reader = world.store(EmulatorWorld.READER, EmulatorWorld.NAME_PREFIX);
    }

    @AfterAll
    static void stop() {
        store.close();
        reader.close();
        world.close();
    }

    @AfterEach
    void clear() {
        world.emulator.control().clearFaults();
    }

    long count(String method) {
        return world.emulator.control().requestCount(method);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.Kind.class, names = {"UNAVAILABLE", "RESOURCE_EXHAUSTED", "DEADLINE_EXCEEDED"})
    @DisplayName("a transient fault on reads is absorbed with exactly the configured attempts")
    void transientAbsorbed(Fault.Kind kind) {
        SecretName name = SecretName.of("fault/transient-" + kind.name().toLowerCase());
        store.put(name, SecretValue.ofText("steady"));
        long before = count("AccessSecretVersion");
        world.emulator.control().addFault(Fault.of(kind).onlyFor("AccessSecretVersion").times(ATTEMPTS - 1));

        assertThat(store.read(name).value().text()).isEqualTo("steady");

        assertThat(count("AccessSecretVersion") - before).isEqualTo(ATTEMPTS);
    }

    @Test
    @DisplayName("persistent UNAVAILABLE ends in StoreUnavailableException after the configured attempts")
    void persistentUnavailable() {
        SecretName name = SecretName.of("fault/persistent");
        store.put(name, SecretValue.ofText("steady"));
        long before = count("AccessSecretVersion");
        world.emulator.control().addFault(Fault.of(Fault.Kind.UNAVAILABLE).onlyFor("AccessSecretVersion"));

        Throwable failure = catchThrowable(() -> store.read(name));

        assertThat(failure).isInstanceOf(StoreUnavailableException.class).isNotInstanceOf(ThrottledException.class);
        assertThat(((StoreUnavailableException) failure).secretName()).contains(name);
        assertThat(failure.getMessage()).contains("UNAVAILABLE").contains("AccessSecretVersion");
        assertThat(count("AccessSecretVersion") - before).isEqualTo(ATTEMPTS);
    }

    @Test
    @DisplayName("persistent RESOURCE_EXHAUSTED on writes ends in ThrottledException, nothing written")
    void persistentThrottlingOnWrites() {
        SecretName name = SecretName.of("fault/throttled");
        store.put(name, SecretValue.ofText("first"));
        long before = count("AddSecretVersion");
        world.emulator.control().addFault(Fault.of(Fault.Kind.RESOURCE_EXHAUSTED).onlyFor("AddSecretVersion"));

        Throwable failure = catchThrowable(() -> store.put(name, SecretValue.ofText("second")));
        world.emulator.control().clearFaults();

        assertThat(failure).isInstanceOf(ThrottledException.class);
        assertThat(((ThrottledException) failure).remediation()).hasValueSatisfying(r -> assertThat(r).contains("quota"));
        assertThat(count("AddSecretVersion") - before).isEqualTo(ATTEMPTS);
        assertThat(store.read(name).value().text()).isEqualTo("first");
    }

    @Test
    @DisplayName("a denied write is attempted once and never retried")
    void denialAttemptedOnce() {
        SecretName name = SecretName.of("fault/denied");
        store.put(name, SecretValue.ofText("first"));
        long before = count("AddSecretVersion");

        Throwable failure = catchThrowable(() -> reader.put(name, SecretValue.ofText("second")));

        assertThat(failure).isInstanceOf(AccessDeniedException.class);
        assertThat(count("AddSecretVersion") - before).isEqualTo(1);
    }

    @Test
    @DisplayName("a create whose value cannot be stored leaves no secret behind")
    void noHalfWrittenSecret() {
        SecretName name = SecretName.of("fault/half-written");
        world.emulator.control().addFault(Fault.of(Fault.Kind.UNAVAILABLE).onlyFor("AddSecretVersion"));

        Throwable failure = catchThrowable(() -> store.create(name, SecretValue.ofText("lost")));
        world.emulator.control().clearFaults();

        assertThat(failure).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.find(name)).isEmpty();
    }
}
