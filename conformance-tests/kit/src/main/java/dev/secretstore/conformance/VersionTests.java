package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.Capability;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group 5a: put adds a version; older versions stay readable where the store keeps them. */
abstract class VersionTests extends ConformanceGroup {

    @Test
    @DisplayName("put on an existing secret makes the new value the latest")
    void putMakesTheNewValueTheLatest() {
        SecretName name = name("versioned");
        store().create(name, text("v1"));

        store().put(name, text("v2"));

        assertThat(store().read(name).value().text()).isEqualTo("v2");
    }

    @Test
    @DisplayName("with VERSIONS each put gets a new version id that read and describe report (else not supported)")
    void putAddsAVersionWithItsOwnId() {
        SecretName name = name("versioned");
        SecretMetadata first = store().create(name, text("v1"));
        if (!supports(Capability.VERSIONS)) {
            assertNotSupported(() -> store().read(name, first.version().orElse("1")),
                    Capability.VERSIONS, Capability.READ_SPECIFIC_VERSION);
            return;
        }

        SecretMetadata second = store().put(name, text("v2"));

        assertThat(first.version()).as("version id of the first value").isPresent();
        assertThat(second.version()).as("version id of the second value").isPresent().isNotEqualTo(first.version());
        Secret latest = store().read(name);
        assertThat(latest.version()).isEqualTo(second.version().orElseThrow());
        assertThat(store().describe(name).version()).isEqualTo(second.version());
    }

    @Test
    @DisplayName("with READ_SPECIFIC_VERSION an older version reads back by its id (else not supported)")
    void readsAnOlderVersionById() {
        SecretName name = name("versioned");
        SecretMetadata first = store().create(name, text("v1"));
        if (!supports(Capability.READ_SPECIFIC_VERSION)) {
            assertNotSupported(() -> store().read(name, first.version().orElse("1")),
                    Capability.READ_SPECIFIC_VERSION, Capability.VERSIONS);
            return;
        }
        SecretMetadata second = store().put(name, text("v2"));

        Secret older = store().read(name, first.version().orElseThrow());
        Secret newer = store().read(name, second.version().orElseThrow());

        assertThat(older.value().text()).isEqualTo("v1");
        assertThat(older.version()).isEqualTo(first.version().orElseThrow());
        assertThat(newer.value().text()).isEqualTo("v2");
    }

    @Test
    @DisplayName("with READ_SPECIFIC_VERSION an unknown version id raises SecretNotFoundException (else not supported)")
    void unknownVersionIsNotFound() {
        SecretName name = name("versioned");
        SecretMetadata first = store().create(name, text("v1"));
        String current = first.version().orElse("1");
        // Some stores number versions, others use opaque ids: ask for one of the same shape that does not exist.
        String unknown = current.matches("\\d+") ? "987654321" : UUID.randomUUID().toString();
        if (!supports(Capability.READ_SPECIFIC_VERSION)) {
            assertNotSupported(() -> store().read(name, unknown), Capability.READ_SPECIFIC_VERSION, Capability.VERSIONS);
            return;
        }

        Throwable failure = catchThrowable(() -> store().read(name, unknown));

        assertThat(failure).isInstanceOf(SecretNotFoundException.class);
        assertThat(((SecretNotFoundException) failure).secretName()).contains(name);
    }
}
