package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.security.keyvault.secrets.SecretClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emulator records each vault request's query per operation, so a client's tests can assert what it asked. */
class RecordedQueriesTest {

    @Test
    void recordsTheQueryOfEachVaultRequestUntilTheCountsAreReset() {
        try (AzureKeyVaultEmulator emulator = AzureKeyVaultEmulator.builder().start()) {
            var http = EmulatorClients.trusting(emulator.certificate());
            SecretClient client = EmulatorClients.secretClientWithoutRetries(emulator, http,
                    EmulatorClients.officerCredential(emulator, http));
            emulator.plantSecret("listed", "value");

            client.listPropertiesOfSecrets().iterableByPage().iterator().next();

            List<Map<String, List<String>>> queries = emulator.queries(Operation.GET_SECRETS);
            assertThat(queries).isNotEmpty();
            assertThat(queries).allSatisfy(query -> assertThat(query).containsKey("api-version"));
            assertThat(emulator.queries(Operation.SET_SECRET)).isEmpty();

            emulator.resetRequestCounts();
            assertThat(emulator.queries(Operation.GET_SECRETS)).isEmpty();
        }
    }
}
