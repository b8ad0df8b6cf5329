package dev.secretstore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.azure.Operation;
import org.junit.jupiter.api.Test;

/** Names at Key Vault's limits: 127 characters that pass through fit; a longer encoding is refused before any I/O. */
class AzureNamesTest {

    @Test
    void namesAtTheLimitFitAndLongerEncodingsAreRefusedBeforeAnyRequest() {
        try (EmulatorVault vault = new EmulatorVault(); SecretStore store = SecretStores.open(vault.privileged())) {
            assertThat(store.limits().maxNameLength()).isEqualTo(127);
            SecretName longest = SecretName.of("a".repeat(60) + "-" + "0123456789".repeat(6) + "bcdefz");
            assertThat(longest.value()).hasSize(127);
            store.create(longest, SecretValue.ofText("at the limit"));
            assertThat(store.read(longest).value().text()).isEqualTo("at the limit");

            SecretName escaped = SecretName.of("A" + "a".repeat(125));
            long before = vault.emulator.requestCounts().values().stream().mapToLong(Long::longValue).sum();
            Throwable refused = catchThrowable(() -> store.create(escaped, SecretValue.ofText("too long")));

            assertThat(refused).isInstanceOf(InvalidSecretNameException.class).hasMessageContaining("127");
            assertThat(vault.emulator.requestCounts().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(before);
            assertThat(vault.emulator.requestCount(Operation.SET_SECRET)).isEqualTo(1); // the write at the limit only
        }
    }

    @Test
    void namesThatDifferOnlyInCaseAreTwoSecrets() {
        try (EmulatorVault vault = new EmulatorVault(); SecretStore store = SecretStores.open(vault.privileged())) {
            store.create(SecretName.of("DB_PASSWORD"), SecretValue.ofText("upper"));
            store.create(SecretName.of("db_password"), SecretValue.ofText("lower"));

            assertThat(store.read(SecretName.of("DB_PASSWORD")).value().text()).isEqualTo("upper");
            assertThat(store.read(SecretName.of("db_password")).value().text()).isEqualTo("lower");
            assertThat(store.read(SecretName.of("DB_PASSWORD")).name().value()).isEqualTo("DB_PASSWORD");
        }
    }
}
