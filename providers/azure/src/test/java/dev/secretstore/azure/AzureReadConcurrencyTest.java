package dev.secretstore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.emulator.azure.Fault;
import dev.secretstore.emulator.azure.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code readAll} never has more than {@code readConcurrency} GetSecret requests in flight: every answer is held
 * back by a latency fault, and the emulator's in-flight high-water mark is the count, so nothing here is timed.
 */
class AzureReadConcurrencyTest {

    @Test
    void readAllKeepsAtMostReadConcurrencyReadsInFlight() {
        try (EmulatorVault vault = new EmulatorVault()) {
            Map<String, Object> config = vault.privileged();
            config.put("readConcurrency", 2);
            List<SecretName> names = IntStream.range(0, 8).mapToObj(i -> SecretName.of("bulk/s" + i)).toList();
            try (SecretStore store = SecretStores.open(config)) {
                names.forEach(name -> store.create(name, dev.secretstore.SecretValue.ofText("v")));
                vault.emulator.injectFault(Fault.latency(Duration.ofMillis(200)).times(0).on(Operation.GET_SECRET));
                vault.emulator.resetRequestCounts();

                var results = store.readAll(names);

                assertThat(results).hasSize(names.size());
                assertThat(vault.emulator.requestCount(Operation.GET_SECRET)).isEqualTo(names.size());
                assertThat(vault.emulator.inFlightHighWaterMark()).isBetween(1, 2);
            }
        }
    }
}
