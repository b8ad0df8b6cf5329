package dev.secretstore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.ListOptions;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.emulator.azure.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code list} asks Key Vault for pages of 25 ({@code maxresults}, the service's maximum). The emulator also
 * defaults to 25, so the test asserts the request parameter itself, not the page sizes it gets back.
 */
class AzureListPagingTest {

    @Test
    void listAsksForPagesOfTwentyFive() {
        try (EmulatorVault vault = new EmulatorVault(); SecretStore store = SecretStores.open(vault.privileged())) {
            vault.emulator.plantSecret("planted", "value");
            vault.emulator.resetRequestCounts();

            store.list(ListOptions.defaults());

            var queries = vault.emulator.queries(Operation.GET_SECRETS);
            assertThat(queries).as("GetSecrets requests").isNotEmpty();
            assertThat(queries).allSatisfy(query -> assertThat(query.get("maxresults")).isEqualTo(List.of("25")));
        }
    }
}
