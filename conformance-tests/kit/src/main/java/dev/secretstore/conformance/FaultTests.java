package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.Capability;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Operation;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.conformance.FaultInjector.CallKind;
import dev.secretstore.conformance.FaultInjector.FaultKind;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Group 8: faults of the service behind the store (throttling, unavailability, dropped connections,
 * latency) are retried by the provider's one retry policy exactly as configured, end in the typed
 * exception when they persist, and are never mistaken for an answer ("absent", "not found").
 * Every number asserted comes from {@link FaultInjector#maxAttempts()}; no test asserts a duration
 * other than the lower bound of an injected latency.
 */
abstract class FaultTests extends ConformanceGroup {

    private static final String ORIGINAL = "written before the fault";

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FaultKind.class, names = {"THROTTLED", "UNAVAILABLE", "CONNECTION_RESET"})
    @DisplayName("a transient fault on a read that clears within the retry policy is invisible, after exactly maxAttempts attempts")
    void transientFaultOnAReadIsInvisible(FaultKind kind) {
        FaultInjector faults = faults(kind);
        int attempts = retryingAttempts(faults);
        SecretName name = name("flaky-read");
        store().create(name, text(ORIGINAL));
        long before = faults.calls(CallKind.READ);

        faults.inject(kind, Set.of(CallKind.READ), attempts - 1, Duration.ZERO);
        Secret secret = store().read(name);

        assertThat(secret.value().text()).isEqualTo(ORIGINAL);
        assertThat(faults.calls(CallKind.READ) - before)
                .as("read attempts with %s on the first %d of them (maxAttempts=%d)", kind, attempts - 1, attempts)
                .isEqualTo(attempts);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CallKind.class)
    @DisplayName("throttling of each kind of call that clears within the retry policy is invisible, after exactly maxAttempts attempts")
    void transientThrottlingOfEachKindOfCallIsInvisible(CallKind kind) {
        FaultInjector faults = faults(FaultKind.THROTTLED);
        int attempts = retryingAttempts(faults);
        SecretName name = name("flaky-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        store().create(name, text(ORIGINAL));
        long before = faults.calls(kind);

        faults.inject(FaultKind.THROTTLED, Set.of(kind), attempts - 1, Duration.ZERO);
        switch (kind) {
            case READ:
                assertThat(store().read(name).value().text()).isEqualTo(ORIGINAL);
                break;
            case DESCRIBE:
                assertThat(store().describe(name).name()).isEqualTo(name);
                break;
            case WRITE:
                store().put(name, text("second value"));
                break;
            case LIST:
                store().list(firstPageOfScope());
                break;
            case DELETE:
            default:
                store().delete(name, DeleteOptions.force());
                break;
        }
        long made = faults.calls(kind) - before;
        faults.clear();

        assertThat(made).as("%s calls with throttling on the first %d of them (maxAttempts=%d)", kind, attempts - 1, attempts)
                .isEqualTo(attempts);
        if (kind == CallKind.WRITE) {
            assertThat(store().read(name).value().text()).isEqualTo("second value");
        }
        if (kind == CallKind.DELETE) {
            assertThat(store().find(name)).as("the secret after a force delete that was throttled first").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FaultKind.class, names = {"THROTTLED", "UNAVAILABLE", "CONNECTION_RESET"})
    @DisplayName("a persistent fault on a read ends in the typed exception after exactly maxAttempts attempts")
    void persistentFaultOnAReadEndsInTheTypedException(FaultKind kind) {
        FaultInjector faults = faults(kind);
        int attempts = faults.maxAttempts();
        SecretName name = name("down-read");
        store().create(name, text(ORIGINAL));
        long before = faults.calls(CallKind.READ);

        faults.inject(kind, Set.of(CallKind.READ), 0, Duration.ZERO);
        Throwable failure = catchThrowable(() -> store().read(name));
        long made = faults.calls(CallKind.READ) - before;
        faults.clear();

        assertTyped(failure, kind, Operation.READ, name);
        assertThat(made).as("read attempts under a persistent %s (maxAttempts=%d)", kind, attempts).isEqualTo(attempts);
        assertThat(store().read(name).value().text()).isEqualTo(ORIGINAL);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FaultKind.class, names = {"THROTTLED", "UNAVAILABLE"})
    @DisplayName("a persistent fault on a write ends in the typed exception after exactly maxAttempts attempts, the value unchanged")
    void persistentFaultOnAWriteEndsInTheTypedException(FaultKind kind) {
        FaultInjector faults = faults(kind);
        int attempts = faults.maxAttempts();
        SecretName name = name("down-write");
        SecretMetadata original = store().create(name, text(ORIGINAL));
        long before = faults.calls(CallKind.WRITE);

        faults.inject(kind, Set.of(CallKind.WRITE), 0, Duration.ZERO);
        Throwable failure = catchThrowable(() -> store().put(name, text("never stored")));
        long made = faults.calls(CallKind.WRITE) - before;
        faults.clear();

        assertTyped(failure, kind, Operation.PUT, name);
        assertThat(made).as("write attempts under a persistent %s (maxAttempts=%d)", kind, attempts).isEqualTo(attempts);
        assertThat(store().read(name).value().text()).isEqualTo(ORIGINAL);
        assertThat(store().describe(name).version()).isEqualTo(original.version());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FaultKind.class, names = {"THROTTLED", "UNAVAILABLE"})
    @DisplayName("a fault on the describe inside put never reads as 'absent': nothing is created over the existing secret")
    void faultDuringTheDescribeInsidePutNeverBecomesAbsent(FaultKind kind) {
        FaultInjector faults = faults(kind);
        SecretName name = name("existing");
        SecretMetadata original = store().create(name, text(ORIGINAL));
        long writesBefore = faults.calls(CallKind.WRITE);

        faults.inject(kind, Set.of(CallKind.DESCRIBE), 0, Duration.ZERO);
        Throwable failure = catchThrowable(() -> store().put(name, text("never stored")));
        long writes = faults.calls(CallKind.WRITE) - writesBefore;
        faults.clear();

        assertTyped(failure, kind, Operation.PUT, name);
        assertThat(writes).as("write calls after the describe inside put failed with %s", kind).isZero();
        assertThat(store().read(name).value().text()).isEqualTo(ORIGINAL);
        assertThat(store().describe(name).version()).isEqualTo(original.version());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FaultKind.class, names = {"THROTTLED", "UNAVAILABLE"})
    @DisplayName("a fault on the describe inside delete never reads as 'not found': the typed exception, nothing deleted")
    void faultDuringTheDescribeInsideDeleteNeverBecomesNotFound(FaultKind kind) {
        FaultInjector faults = faults(kind);
        SecretName name = name("existing");
        store().create(name, text(ORIGINAL));
        long deletesBefore = faults.calls(CallKind.DELETE) + faults.calls(CallKind.WRITE);

        faults.inject(kind, Set.of(CallKind.DESCRIBE), 0, Duration.ZERO);
        Throwable failure = catchThrowable(() -> store().delete(name, DeleteOptions.force()));
        long changes = faults.calls(CallKind.DELETE) + faults.calls(CallKind.WRITE) - deletesBefore;
        faults.clear();

        assertTyped(failure, kind, Operation.DELETE, name);
        assertThat(changes).as("delete or write calls after the describe inside delete failed with %s", kind).isZero();
        assertThat(store().read(name).value().text()).isEqualTo(ORIGINAL);
    }

    @Test
    @DisplayName("a connection reset during create leaves exactly one secret with the value written, or none")
    void connectionResetDuringCreateLeavesOneSecretOrNone() {
        FaultInjector faults = faults(FaultKind.CONNECTION_RESET);
        SecretName name = name("reset-create");

        faults.inject(FaultKind.CONNECTION_RESET, Set.of(CallKind.WRITE), 1, Duration.ZERO);
        Optional<SecretMetadata> created = Optional.empty();
        Throwable failure = catchThrowable(() -> store().create(name, text("the only value")));
        if (failure == null) {
            created = store().find(name);
        }
        faults.clear();

        if (failure != null) {
            // The caller may learn of the reset (or of its own retry finding the secret), but as a typed error.
            assertThat(failure).as("a create hit by a connection reset").isInstanceOf(SecretStoreException.class);
        }
        Optional<SecretMetadata> found = store().find(name);
        if (found.isEmpty()) {
            assertThat(failure).as("create reported success but stored nothing").isNotNull();
            assertThat(listedInScope()).isEmpty();
            return;
        }
        Secret secret = store().read(name);
        assertThat(secret.value().isText()).isTrue();
        assertThat(secret.value().text()).as("the value of the secret left by a reset create").isEqualTo("the only value");
        assertThat(found.get().tags()).containsEntry(store().managedTagKey(), "true");
        assertThat(found.get().deletionDate()).isEmpty();
        assertThat(listedInScope()).containsExactly(name);
        created.ifPresent(metadata -> assertThat(found.get().version()).isEqualTo(metadata.version()));
        if (supports(Capability.VERSIONS)) {
            assertThat(secret.version()).as("the latest version is the one describe reports (one version)")
                    .isEqualTo(found.get().version().orElseThrow());
        }
    }

    @Test
    @DisplayName("added latency is waited out: the call succeeds once, not retried")
    void addedLatencyIsWaitedOut() {
        FaultInjector faults = faults(FaultKind.LATENCY);
        SecretName name = name("slow");
        store().create(name, text(ORIGINAL));
        Duration latency = Duration.ofMillis(200);
        long before = faults.calls(CallKind.READ);

        faults.inject(FaultKind.LATENCY, Set.of(CallKind.READ), 1, latency);
        long start = System.nanoTime();
        Secret secret = store().read(name);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(secret.value().text()).isEqualTo(ORIGINAL);
        assertThat(faults.calls(CallKind.READ) - before).as("read attempts for one slow read").isEqualTo(1);
        assertThat(took).as("the read waited for the injected latency").isGreaterThanOrEqualTo(latency);
    }

    /** The fixture's fault table, when it can inject {@code kind}. */
    private FaultInjector faults(FaultKind kind) {
        FaultInjector faults = faults();
        Assumptions.assumeTrue(faults.supportedFaults().contains(kind),
                () -> "the fixture cannot inject " + kind + " (it supports " + faults.supportedFaults() + ")");
        return faults;
    }

    /** The attempts of the fixture's retry policy; a transient fault can only be hidden by a store that retries. */
    private static int retryingAttempts(FaultInjector faults) {
        int attempts = faults.maxAttempts();
        Assumptions.assumeTrue(attempts > 1, "the store does not retry (maxAttempts=" + attempts
                + "), so no transient fault can be invisible to the caller");
        return attempts;
    }

    private ListOptions firstPageOfScope() {
        return supports(Capability.LIST_BY_PREFIX) ? ListOptions.withPrefix(scope()) : ListOptions.defaults();
    }

    private void assertTyped(Throwable failure, FaultKind kind, Operation operation, SecretName name) {
        Class<? extends SecretStoreException> expected =
                kind == FaultKind.THROTTLED ? ThrottledException.class : StoreUnavailableException.class;
        assertThat(failure).as("the failure of %s under a persistent %s", operation, kind).isInstanceOf(expected);
        SecretStoreException typed = (SecretStoreException) failure;
        assertThat(typed.provider()).isEqualTo(store().providerName());
        assertThat(typed.operation()).contains(operation);
        assertThat(typed.secretName()).contains(name);
    }
}
