package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.Capability;
import dev.secretstore.DeleteOptions;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group 7: the declared capabilities hang together, and RESTORE does what it says. */
abstract class CapabilityTests extends ConformanceGroup {

    @Test
    @DisplayName("the store declares the same capabilities as its provider, and each dependent one with its parent")
    void declaredCapabilitiesAreConsistent() {
        assertThat(store().capabilities()).isEqualTo(store().provider().capabilities());
        if (supports(Capability.READ_SPECIFIC_VERSION)) {
            assertThat(store().capabilities()).as("READ_SPECIFIC_VERSION needs VERSIONS").contains(Capability.VERSIONS);
        }
        if (supports(Capability.RESTORE)) {
            assertThat(store().capabilities()).as("RESTORE needs SOFT_DELETE").contains(Capability.SOFT_DELETE);
        }
    }

    @Test
    @DisplayName("with RESTORE a soft-deleted secret comes back with its value and managed tag (else not supported)")
    void restoreBringsASoftDeletedSecretBack() {
        SecretName name = name("restored");
        store().create(name, text("worth keeping"));

        if (!supports(Capability.RESTORE)) {
            assertNotSupported(() -> store().restore(name), Capability.RESTORE);
            assertThat(store().read(name).value().text()).isEqualTo("worth keeping");
            return;
        }
        store().delete(name);
        store().restore(name);

        assertThat(store().read(name).value().text()).isEqualTo("worth keeping");
        assertThat(store().describe(name).tags()).containsEntry(store().managedTagKey(), "true");
        assertThat(listedInScope()).containsExactly(name);
    }

    @Test
    @DisplayName("with RESTORE a secret deleted with a recovery window comes back with its value, version and user tags (else not supported)")
    void restoreAfterARecoveryWindowKeepsValueAndTags() {
        SecretName name = name("restored-with-tags");
        Map<String, String> userTags = supports(Capability.TAGS) ? Map.of("team", "data", "Owner", "Platform EU") : Map.of();
        SecretMetadata created = store().create(name, text("worth keeping"), userTags);
        if (!supports(Capability.RESTORE)) {
            assertNotSupported(() -> store().restore(name), Capability.RESTORE);
            return;
        }

        store().delete(name, DeleteOptions.recoveryWindow(Duration.ofDays(7)));
        assertThat(listedInScope()).as("listed while deleted").doesNotContain(name);
        store().restore(name);

        Secret restored = store().read(name);
        assertThat(restored.value().text()).isEqualTo("worth keeping");
        SecretMetadata described = store().describe(name);
        assertThat(described.deletionDate()).as("deletion date after restore").isEmpty();
        assertThat(described.tags()).containsAllEntriesOf(userTags).containsEntry(store().managedTagKey(), "true");
        if (supports(Capability.VERSIONS)) {
            assertThat(described.version()).isEqualTo(created.version());
        }
        assertThat(listedInScope()).containsExactly(name);
    }
}
