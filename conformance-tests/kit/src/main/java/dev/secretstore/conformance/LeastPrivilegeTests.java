package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.Capability;
import dev.secretstore.DeleteOptions;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.TestAbortedException;

/** Group 4: without write permission every write fails at once with a useful error and no side effect. */
abstract class LeastPrivilegeTests extends ConformanceGroup {

    private static final String ORIGINAL = "written by the privileged store";

    @ParameterizedTest(name = "{0}")
    @EnumSource(DeniedWrite.class)
    @DisplayName("a write through the read-only store raises AccessDeniedException naming provider, operation, name and a remedy")
    void writeThroughReadOnlyStoreIsDenied(DeniedWrite write) {
        SecretStore readOnly = readOnlyStore();
        SecretName name = name("denied");
        Optional<SecretMetadata> before = prepare(write, name);

        if (write.needs != null && !supports(write.needs)) {
            assertNotSupported(() -> write.attempt(readOnly, name), write.needs);
            assertUnchanged(write, name, before);
            return;
        }

        Throwable failure = catchThrowable(() -> write.attempt(readOnly, name));

        assertThat(failure).isInstanceOf(AccessDeniedException.class);
        AccessDeniedException denied = (AccessDeniedException) failure;
        assertThat(denied.provider()).isEqualTo(store().providerName());
        assertThat(denied.operation()).contains(write.operation);
        assertThat(denied.secretName()).contains(name);
        assertThat(denied.remediation()).as("remediation hint").hasValueSatisfying(hint -> assertThat(hint).isNotBlank());
        assertThat(denied.getMessage()).contains(name.value());
        assertUnchanged(write, name, before);
    }

    /** Creates (and for a restore, soft-deletes) the secret the write needs; its metadata before the attempt. */
    private Optional<SecretMetadata> prepare(DeniedWrite write, SecretName name) {
        if (!write.needsExistingSecret) {
            return Optional.empty();
        }
        store().create(name, text(ORIGINAL));
        if (write.needsSoftDeletedSecret() && supports(Capability.SOFT_DELETE)) {
            store().delete(name, DeleteOptions.recoveryWindow(Duration.ofDays(7)));
            return Optional.empty();
        }
        return Optional.of(store().describe(name));
    }

    private void assertUnchanged(DeniedWrite write, SecretName name, Optional<SecretMetadata> before) {
        if (write.needsSoftDeletedSecret() && supports(Capability.SOFT_DELETE)) {
            assertThat(listedInScope()).as("a soft-deleted secret after a denied restore").doesNotContain(name);
            store().find(name).ifPresent(m -> assertThat(m.deletionDate()).as("deletion date after a denied restore").isPresent());
            return;
        }
        if (before.isPresent()) {
            SecretMetadata after = store().describe(name);
            assertThat(store().read(name).value().text()).isEqualTo(ORIGINAL);
            assertThat(after.version()).isEqualTo(before.get().version());
            assertThat(after.tags()).isEqualTo(before.get().tags());
        } else {
            assertNothingStoredAt(name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DeniedWrite.class)
    @DisplayName("each kind of denied write is attempted exactly once, never retried")
    void deniedWriteIsAttemptedOnce(DeniedWrite write) {
        RequestCounter counter = requestCounter();
        SecretStore readOnly = readOnlyStore();
        SecretName name = name("denied-once");
        Assumptions.assumeTrue(write.needs == null || supports(write.needs),
                () -> "the store does not declare " + write.needs + " (writeThroughReadOnlyStoreIsDenied asserts the refusal)");
        Optional<SecretMetadata> before = prepare(write, name);
        long attemptsBefore = counter.writeAttempts();

        Throwable failure = catchThrowable(() -> write.attempt(readOnly, name));

        assertThat(failure).isInstanceOf(AccessDeniedException.class);
        assertThat(counter.writeAttempts() - attemptsBefore).as("write attempts for one denied %s", write).isEqualTo(1);
        assertUnchanged(write, name, before);
    }

    @Test
    @DisplayName("the read-only store can still read what the privileged store wrote")
    void readOnlyStoreCanRead() {
        SecretStore readOnly = readOnlyStore();
        SecretName name = name("readable");
        store().create(name, text(ORIGINAL));

        assertThat(readOnly.read(name).value().text()).isEqualTo(ORIGINAL);
        assertThat(readOnly.describe(name).isManaged(store().managedTagKey())).isTrue();
    }

    @Test
    @DisplayName("a read with bad credentials raises AuthenticationFailedException")
    void readWithBadCredentialsFailsAuthentication() {
        SecretName name = name("guarded");
        store().create(name, text(ORIGINAL));

        Throwable failure = catchThrowable(() -> badCredentialsStore().read(name));

        assertAuthenticationFailed(failure);
    }

    @Test
    @DisplayName("a write with bad credentials raises AuthenticationFailedException and writes nothing")
    void writeWithBadCredentialsFailsAuthentication() {
        SecretName name = name("unauthenticated");

        Throwable failure = catchThrowable(() -> badCredentialsStore().create(name, text("never stored")));

        assertAuthenticationFailed(failure);
        assertNothingStoredAt(name);
    }

    @Test
    @DisplayName("no access-denied or authentication error contains a credential")
    void errorsNeverContainCredentials() {
        LeakDetector credentials = LeakDetector.forbidding("credential", fixture().credentialValues());
        Assumptions.assumeFalse(credentials.isEmpty(), "the fixture declares no credential values (of at least "
                + LeakDetector.SHORTEST_SEARCHED + " characters) to look for");
        SecretName existing = name("existing");
        store().create(existing, text(ORIGINAL));

        List<Throwable> failures = new ArrayList<>();
        provoke(() -> readOnlyStore().put(existing, text("denied"))).ifPresent(failures::add);
        provoke(() -> readOnlyStore().delete(existing)).ifPresent(failures::add);
        provoke(() -> badCredentialsStore().read(existing)).ifPresent(failures::add);
        provoke(() -> badCredentialsStore().put(existing, text("denied"))).ifPresent(failures::add);

        Assumptions.assumeFalse(failures.isEmpty(),
                "needs a read-only or a bad-credentials store to provoke the errors; the fixture offers neither");
        assertThat(failures).allSatisfy(failure -> assertThat(failure).isInstanceOf(SecretStoreException.class));
        failures.forEach(credentials::assertAbsentFrom);
    }

    /** The failure of {@code call}, or empty when the fixture lacks the store the call needs. */
    private static Optional<Throwable> provoke(ThrowingCallable call) {
        Throwable failure = catchThrowable(call);
        if (failure instanceof TestAbortedException) {
            return Optional.empty();
        }
        assertThat(failure).as("a call that must fail").isNotNull();
        return Optional.of(failure);
    }

    /** The bad-credentials store; opening it may already fail authentication, which the caller asserts. */
    private SecretStore badCredentialsStore() {
        return fixture().badCredentialsStore().require("a store opened with bad credentials");
    }

    private void assertAuthenticationFailed(Throwable failure) {
        if (failure instanceof TestAbortedException aborted) {
            throw aborted;
        }
        assertThat(failure).isInstanceOf(AuthenticationFailedException.class);
        assertThat(((SecretStoreException) failure).provider()).isEqualTo(store().providerName());
        LeakDetector.forbidding("credential", fixture().credentialValues()).assertAbsentFrom(failure);
    }
}
