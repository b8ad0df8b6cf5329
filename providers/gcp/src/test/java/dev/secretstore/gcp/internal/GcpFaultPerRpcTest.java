package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.ListOptions;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.emulator.gcp.Fault;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one retry policy on every Secret Manager method the provider calls (3 attempts in the test config), counted by
 * the emulator's request log: a transient fault is absorbed with exactly the configured attempts, a persistent one
 * ends typed after them, a denial is attempted once. And the non-idempotent calls when a response is lost after the
 * server applied the request: a retried CreateSecret meets its own secret, a retried DeleteSecret finds it gone.
 */
@DisplayName("gcp faults on every method")
class GcpFaultPerRpcTest {

    static final int ATTEMPTS = 3;
    static final String NOBODY = "nobody@" + EmulatorWorld.PROJECT + ".iam.gserviceaccount.com";
    static final AtomicInteger FRESH = new AtomicInteger();
    static EmulatorWorld world;
    static SecretStore store;
    static SecretStore nobody;
    static SecretStore reader;
    static SecretStore accessor;

    @BeforeAll
    static void start() {
        world = new EmulatorWorld();
        store = world.store(EmulatorWorld.STORE_ACCOUNT, EmulatorWorld.NAME_PREFIX);
        nobody = world.store(NOBODY, EmulatorWorld.NAME_PREFIX);
        reader = world.store(EmulatorWorld.READER, EmulatorWorld.NAME_PREFIX);
        accessor = world.store(EmulatorWorld.ACCESSOR, EmulatorWorld.NAME_PREFIX);
    }

    @AfterAll
    static void stop() {
        store.close();
        nobody.close();
        reader.close();
        accessor.close();
        world.close();
    }

    @AfterEach
    void clear() {
        world.emulator.control().clearFaults();
    }

    static SecretName fresh() {
        return SecretName.of("per-rpc/s-" + FRESH.incrementAndGet());
    }

    /** A secret that exists, written without faults. */
    static SecretName existing() {
        SecretName name = fresh();
        store.put(name, SecretValue.ofText("steady"));
        return name;
    }

    /** Method → (set-up without faults, as the privileged store) → the call to make, on any store. */
    static Map<String, Function<SecretStore, Consumer<SecretStore>>> cases() {
        Map<String, Function<SecretStore, Consumer<SecretStore>>> m = new java.util.LinkedHashMap<>();
        m.put("CreateSecret", ignored -> {
            SecretName n = fresh();
            return s -> s.create(n, SecretValue.ofText("v"));
        });
        m.put("GetSecret", ignored -> {
            SecretName n = existing();
            return s -> s.find(n);
        });
        m.put("GetSecretVersion", ignored -> {
            SecretName n = existing();
            return s -> s.describe(n);
        });
        m.put("AccessSecretVersion", ignored -> {
            SecretName n = existing();
            return s -> s.read(n);
        });
        m.put("ListSecretVersions", ignored -> {
            // A read whose newest version is disabled looks up the newest enabled one.
            SecretName n = existing();
            store.put(n, SecretValue.ofText("pulled"));
            try (var admin = world.adminClient()) {
                admin.disableSecretVersion(store.describe(n).nativeId() + "/versions/2");
            }
            return s -> assertThat(s.read(n).value().text()).isEqualTo("steady");
        });
        m.put("ListSecrets", ignored -> s -> s.list(ListOptions.defaults()));
        m.put("AddSecretVersion", ignored -> {
            SecretName n = existing();
            return s -> s.put(n, SecretValue.ofText("v2"));
        });
        m.put("UpdateSecret", ignored -> {
            SecretName n = existing();
            return s -> s.put(n, SecretValue.ofText("v2"), Map.of("team", "data"));
        });
        m.put("DeleteSecret", ignored -> {
            SecretName n = existing();
            return s -> s.delete(n);
        });
        return m;
    }

    static Stream<Arguments> transientFaults() {
        return Stream.of(Fault.Kind.UNAVAILABLE, Fault.Kind.RESOURCE_EXHAUSTED, Fault.Kind.DEADLINE_EXCEEDED)
                .flatMap(kind -> cases().keySet().stream().map(method -> Arguments.of(method, kind)));
    }

    long count(String method) {
        return world.emulator.control().requestCount(method);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("transientFaults")
    @DisplayName("a transient fault is absorbed with exactly the configured attempts")
    void absorbed(String method, Fault.Kind kind) {
        Consumer<SecretStore> call = cases().get(method).apply(store);
        long before = count(method);
        world.emulator.control().addFault(Fault.of(kind).onlyFor(method).times(ATTEMPTS - 1));

        call.accept(store);

        assertThat(count(method) - before).isEqualTo(ATTEMPTS);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("transientFaults")
    @DisplayName("a persistent fault ends typed after exactly the configured attempts")
    void persistent(String method, Fault.Kind kind) {
        Consumer<SecretStore> call = cases().get(method).apply(store);
        long before = count(method);
        world.emulator.control().addFault(Fault.of(kind).onlyFor(method));

        Throwable failure = catchThrowable(() -> call.accept(store));

        if (kind == Fault.Kind.RESOURCE_EXHAUSTED) {
            assertThat(failure).isInstanceOf(ThrottledException.class);
        } else {
            assertThat(failure).isInstanceOf(StoreUnavailableException.class).isNotInstanceOf(ThrottledException.class);
        }
        assertThat(failure.getMessage()).contains(method).contains(kind.name());
        assertThat(count(method) - before).isEqualTo(ATTEMPTS);
    }

    static Stream<Arguments> denials() {
        // reader@ holds secretAccessor + viewer: its writes are denied; nobody@ holds no role: its reads are denied;
        // accessor@ holds secretAccessor alone: it reads the newest version but may not list versions.
        // GetSecretVersion is left out: no predefined role grants secrets.get without versions.get, so a describe is
        // denied at its GetSecret (a refusal of GetSecretVersion itself is in GcpProjectRefusalTest).
        return cases().keySet().stream().filter(m -> !m.equals("GetSecretVersion")).map(method -> Arguments.of(method,
                Map.of("CreateSecret", 1, "AddSecretVersion", 1, "UpdateSecret", 1, "DeleteSecret", 1)
                        .containsKey(method) ? "reader" : method.equals("ListSecretVersions") ? "accessor" : "nobody"));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("denials")
    @DisplayName("a denial is attempted once")
    void deniedOnce(String method, String who) {
        Consumer<SecretStore> call = cases().get(method).apply(store);
        long before = count(method);

        Throwable failure = catchThrowable(() -> call.accept(Map.of("reader", reader, "accessor", accessor, "nobody",
                nobody).get(who)));

        assertThat(failure).isInstanceOf(AccessDeniedException.class);
        assertThat(count(method) - before).isEqualTo(1);
    }

    @Test
    @DisplayName("CreateSecret applied but its response lost: the retry meets its own secret and the create succeeds")
    void createRetriedAfterItWasApplied() {
        SecretName name = fresh();
        long before = count("CreateSecret");
        world.emulator.control().addFault(Fault.of(Fault.Kind.DEADLINE_EXCEEDED).onlyFor("CreateSecret").times(1)
                .afterApplying());

        store.create(name, SecretValue.ofText("once"), Map.of("team", "data"));

        assertThat(count("CreateSecret") - before).isEqualTo(2);
        assertThat(store.read(name).value().text()).isEqualTo("once");
        assertThat(store.read(name).version()).isEqualTo("1");
        assertThat(store.describe(name).tags()).containsEntry("team", "data");
    }

    @Test
    @DisplayName("a secret created by someone else is still ALREADY_EXISTS on a retried create")
    void retriedCreateDoesNotAdoptAnotherSecret() {
        SecretName name = existing();
        world.emulator.control().addFault(Fault.of(Fault.Kind.UNAVAILABLE).onlyFor("CreateSecret").times(1));

        Throwable failure = catchThrowable(() -> store.create(name, SecretValue.ofText("mine")));

        assertThat(failure).isInstanceOf(dev.secretstore.SecretAlreadyExistsException.class);
        assertThat(store.read(name).value().text()).isEqualTo("steady");
    }

    @Test
    @DisplayName("DeleteSecret applied but its response lost: the retry finds it gone and the delete succeeds")
    void deleteRetriedAfterItWasApplied() {
        SecretName name = existing();
        long before = count("DeleteSecret");
        world.emulator.control().addFault(Fault.of(Fault.Kind.DEADLINE_EXCEEDED).onlyFor("DeleteSecret").times(1)
                .afterApplying());

        store.delete(name);

        assertThat(count("DeleteSecret") - before).isEqualTo(2);
        assertThat(store.find(name)).isEmpty();
    }
}
