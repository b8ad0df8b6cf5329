package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.security.keyvault.secrets.SecretClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The emulator's high-water mark of requests in flight, injected latency included. */
class InFlightHighWaterMarkTest {

    @Test
    void sequentialCallsNeverOverlapAndConcurrentDelayedOnesDo() {
        try (AzureKeyVaultEmulator emulator = AzureKeyVaultEmulator.builder().start()) {
            var http = EmulatorClients.trusting(emulator.certificate());
            SecretClient client = EmulatorClients.secretClientWithoutRetries(emulator, http,
                    EmulatorClients.officerCredential(emulator, http));
            emulator.plantSecret("held", "value");
            client.getSecret("held"); // signs in
            emulator.resetRequestCounts();

            client.getSecret("held");
            client.getSecret("held");
            assertThat(emulator.inFlightHighWaterMark()).isEqualTo(1);

            // Each answer is held back 2 s, so three calls started together overlap even on a loaded machine.
            emulator.injectFault(Fault.latency(Duration.ofSeconds(2)).times(3).on(Operation.GET_SECRET));
            emulator.resetRequestCounts();
            List<CompletableFuture<?>> calls = IntStream.range(0, 3)
                    .<CompletableFuture<?>>mapToObj(i -> CompletableFuture.runAsync(() -> client.getSecret("held")))
                    .toList();
            calls.forEach(CompletableFuture::join);
            assertThat(emulator.inFlightHighWaterMark()).isGreaterThanOrEqualTo(2);
        }
    }
}
