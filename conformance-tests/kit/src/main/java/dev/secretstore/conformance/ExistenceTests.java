package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.Capability;
import dev.secretstore.DeleteOptions;
import dev.secretstore.Operation;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group 5b: absent secrets are reported as such, present ones are never overwritten by create, and names are reusable. */
abstract class ExistenceTests extends ConformanceGroup {

    @Test
    @DisplayName("reading a missing secret raises SecretNotFoundException naming provider, operation and name")
    void readingAMissingSecretIsNotFound() {
        SecretName missing = name("missing");

        assertNotFound(() -> store().read(missing), missing, Operation.READ);
    }

    @Test
    @DisplayName("describing a missing secret raises SecretNotFoundException, and find returns empty")
    void describingAMissingSecretIsNotFound() {
        SecretName missing = name("missing");

        assertNotFound(() -> store().describe(missing), missing, Operation.DESCRIBE);
        assertThat(store().find(missing)).isEmpty();
    }

    @Test
    @DisplayName("deleting a missing secret raises SecretNotFoundException, forced or not")
    void deletingAMissingSecretIsNotFound() {
        SecretName missing = name("missing");

        assertNotFound(() -> store().delete(missing), missing, Operation.DELETE);
        assertNotFound(() -> store().delete(missing, DeleteOptions.force()), missing, Operation.DELETE);
    }

    @Test
    @DisplayName("create on an existing name raises SecretAlreadyExistsException and keeps the old value")
    void createOnAnExistingNameFails() {
        SecretName name = name("exists");
        SecretMetadata original = store().create(name, text("original"));

        Throwable failure = catchThrowable(() -> store().create(name, text("replacement")));

        assertThat(failure).isInstanceOf(SecretAlreadyExistsException.class);
        SecretAlreadyExistsException exists = (SecretAlreadyExistsException) failure;
        assertThat(exists.secretName()).contains(name);
        assertThat(exists.operation()).contains(Operation.CREATE);
        assertThat(store().read(name).value().text()).isEqualTo("original");
        assertThat(store().describe(name).version()).isEqualTo(original.version());
    }

    @Test
    @DisplayName("put on a missing name creates the secret")
    void putOnAMissingNameCreatesIt() {
        SecretName name = name("created-by-put");

        store().put(name, text("first"));

        assertThat(store().read(name).value().text()).isEqualTo("first");
        assertThat(store().find(name)).isPresent();
    }

    @Test
    @DisplayName("after a forced delete the secret is gone and the same name can be created again at once")
    void forcedDeleteThenRecreateTheSameName() {
        SecretName name = name("recreated");
        store().create(name, text("first life"));

        store().delete(name, DeleteOptions.force());

        assertDeleted(name);
        assertThat(store().find(name)).as("a force-deleted secret").isEmpty();
        store().create(name, text("second life"));
        assertRecreated(name);
    }

    @Test
    @DisplayName("after a default delete the secret is gone; its name is reusable, or (soft delete only) clearly reserved until purged")
    void defaultDeleteThenRecreateTheSameName() {
        SecretName name = name("recreated");
        store().create(name, text("first life"));

        store().delete(name);

        assertDeleted(name);
        Throwable recreate = catchThrowable(() -> store().create(name, text("second life")));
        if (recreate != null) {
            // Only a store that keeps deleted secrets for recovery may hold on to the name, and it must say why.
            assertThat(supports(Capability.SOFT_DELETE))
                    .as("a store without SOFT_DELETE refused to reuse a deleted name: %s", recreate).isTrue();
            assertThat(recreate).isInstanceOf(SecretAlreadyExistsException.class);
            assertThat(((SecretAlreadyExistsException) recreate).remediation())
                    .hasValueSatisfying(hint -> assertThat(hint).isNotBlank());
            store().delete(name, DeleteOptions.force());
            store().create(name, text("second life"));
        }
        assertRecreated(name);
    }

    @Test
    @DisplayName("with SOFT_DELETE a recovery window hides the secret at once (else not supported, and nothing is deleted)")
    void deleteWithARecoveryWindow() {
        SecretName name = name("soft-deleted");
        store().create(name, text("kept for a while"));
        DeleteOptions withWindow = DeleteOptions.recoveryWindow(Duration.ofDays(7));

        if (!supports(Capability.SOFT_DELETE)) {
            assertNotSupported(() -> store().delete(name, withWindow), Capability.SOFT_DELETE);
            assertThat(store().read(name).value().text()).isEqualTo("kept for a while");
            return;
        }
        store().delete(name, withWindow);

        assertDeleted(name);
    }

    private void assertDeleted(SecretName name) {
        assertNotFound(() -> store().read(name), name, Operation.READ);
        assertThat(listedInScope()).doesNotContain(name);
        assertGoneOrScheduledForDeletion(store().find(name));
    }

    private void assertRecreated(SecretName name) {
        assertThat(store().read(name).value().text()).isEqualTo("second life");
        assertThat(store().describe(name).tags()).containsEntry(store().managedTagKey(), "true");
        assertThat(listedInScope()).containsExactly(name);
    }

    private static void assertGoneOrScheduledForDeletion(Optional<SecretMetadata> found) {
        // A soft-deleting store may still describe the secret, but only as scheduled for deletion.
        found.ifPresent(metadata -> assertThat(metadata.deletionDate())
                .as("deletion date of a deleted secret that is still described").isPresent());
    }

    private void assertNotFound(ThrowingCallable call, SecretName name, Operation operation) {
        Throwable failure = catchThrowable(call);
        assertThat(failure).isInstanceOf(SecretNotFoundException.class);
        SecretStoreException notFound = (SecretStoreException) failure;
        assertThat(notFound.provider()).isEqualTo(store().providerName());
        assertThat(notFound.operation()).contains(operation);
        assertThat(notFound.secretName()).contains(name);
    }
}
