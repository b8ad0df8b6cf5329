package dev.secretstore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.azure.Operation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A store builds its SDK client (and with it its credential) once, when it is opened, and uses it for its lifetime:
 * an access token is asked of Entra once however many operations follow. A client built per operation would bring
 * a credential of its own, with an empty token cache, each time. Counted by the emulator over the wire.
 */
@DisplayName("azure: one client per store")
class AzureOneClientPerStoreTest {

    @Test
    @DisplayName("opening builds the client without a request; 31 operations then share one credential: one token request (a second store: a second one)")
    void oneClientForTheStoresLifetime() {
        try (EmulatorVault vault = new EmulatorVault()) {
            vault.emulator.resetRequestCounts();
            try (SecretStore store = SecretStores.open(vault.privileged())) {
                assertThat(vault.emulator.requestCount(Operation.TOKEN)).as("opening sends nothing").isZero();
                List<SecretName> names = List.of(SecretName.of("pool/a"), SecretName.of("pool/b"), SecretName.of("pool/c"));
                for (SecretName name : names) {
                    store.create(name, SecretValue.ofText("v1"));
                    for (int i = 0; i < 3; i++) {
                        store.put(name, SecretValue.ofText("v" + (i + 2)));
                        assertThat(store.read(name).value().text()).isEqualTo("v" + (i + 2));
                        assertThat(store.find(name)).isPresent();
                    }
                }
                assertThat(store.readAll(names)).hasSize(3);
                assertThat(vault.emulator.requestCount(Operation.GET_SECRET)).as("the operations reached the vault")
                        .isGreaterThanOrEqualTo(3 * 3 * 2);
                assertThat(vault.emulator.requestCount(Operation.TOKEN)).as("token requests").isEqualTo(1);
            }
            // Control: another store is another client, and its first operation does ask for a token.
            try (SecretStore other = SecretStores.open(vault.privileged())) {
                assertThat(other.find(SecretName.of("pool/a"))).isPresent();
            }
            assertThat(vault.emulator.requestCount(Operation.TOKEN)).as("a new client's token request is counted").isEqualTo(2);
        }
    }
}
