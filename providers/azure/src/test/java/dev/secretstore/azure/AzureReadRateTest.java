package dev.secretstore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.ReadResult;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.azure.Operation;
import dev.secretstore.emulator.testing.RequestPaceProbe;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code readAll} starts at most {@code readRate} GetSecret requests a second, on top of readConcurrency in flight:
 * the emulator's request count, sampled while it runs, never passes what the rate allows by then. Only lower bounds
 * on time are asserted (a loaded machine can only make the requests later).
 */
class AzureReadRateTest {

    @Test
    void readAllStartsAtMostReadRateGetSecretRequestsASecond() throws Exception {
        try (EmulatorVault vault = new EmulatorVault()) {
            Map<String, Object> config = vault.privileged();
            config.put("readRate", 10);
            List<SecretName> names = IntStream.range(0, 16).mapToObj(i -> SecretName.of("paced/s" + i)).toList();
            try (SecretStore store = SecretStores.open(config)) {
                names.forEach(name -> store.create(name, SecretValue.ofText("v")));
                vault.emulator.resetRequestCounts();

                Map<SecretName, ReadResult> results;
                long elapsedMillis;
                try (RequestPaceProbe probe = new RequestPaceProbe(
                        () -> vault.emulator.requestCount(Operation.GET_SECRET))) {
                    results = store.readAll(names);
                    elapsedMillis = probe.elapsedMillis();
                    assertThat(probe.sampleCount()).isPositive();
                    assertThat(probe.samplesAbove(10)).as("samples with more reads than 10 a second allow by then")
                            .isEmpty();
                }

                assertThat(results.values()).allSatisfy(r -> assertThat(r.secret()).isPresent());
                assertThat(vault.emulator.requestCount(Operation.GET_SECRET)).isEqualTo(names.size());
                // 16 reads at 10 a second: the first at once, the second possibly early (the limiter's periods
                // started when the store was opened), the other 14 at least 100 ms apart.
                assertThat(elapsedMillis).isGreaterThanOrEqualTo(14 * 100 - 50);
            }
        }
    }
}
