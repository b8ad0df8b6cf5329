package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.ReadResult;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.testing.RequestPaceProbe;
import dev.secretstore.support.names.NameCodec;
import dev.secretstore.support.names.NameCodecs;
import com.google.cloud.secretmanager.v1.SecretVersion;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * readAll starts at most readRate AccessSecretVersion calls a second, on top of readConcurrency in flight: the
 * emulator's request count, sampled while it runs, never passes what the rate allows by then. Only lower bounds on
 * time are asserted (a loaded machine can only make the calls later).
 */
@DisplayName("gcp readAll request rate")
class GcpReadRateTest {

    @Test
    @DisplayName("at readRate 10, 16 reads are spread over at least 1.35 s and never ahead of the rate")
    void readAllIsPacedToReadRate() throws Exception {
        try (EmulatorWorld world = new EmulatorWorld()) {
            Map<String, Object> config = world.keyConfig(world.keyJson(EmulatorWorld.STORE_ACCOUNT),
                    EmulatorWorld.NAME_PREFIX);
            config.put("readRate", 10);
            List<SecretName> names = IntStream.range(0, 16).mapToObj(i -> SecretName.of("paced/s" + i)).toList();
            try (SecretStore store = SecretStores.open(config)) {
                names.forEach(n -> store.put(n, SecretValue.ofText("v")));
                world.emulator.control().clearRequestCounts();

                Map<SecretName, ReadResult> results;
                long elapsedMillis;
                try (RequestPaceProbe probe = new RequestPaceProbe(
                        () -> world.emulator.control().requestCount("AccessSecretVersion"))) {
                    results = store.readAll(names);
                    elapsedMillis = probe.elapsedMillis();
                    assertThat(probe.sampleCount()).isPositive();
                    assertThat(probe.samplesAbove(10)).as("samples with more reads than 10 a second allow by then")
                            .isEmpty();
                }

                assertThat(results.values()).allSatisfy(r -> assertThat(r.secret()).isPresent());
                assertThat(world.emulator.control().requestCount("AccessSecretVersion")).isEqualTo(names.size());
                // 16 reads at 10 a second: the first at once, the second possibly early (the limiter's periods
                // started when the store was opened), the other 14 at least 100 ms apart.
                assertThat(elapsedMillis).isGreaterThanOrEqualTo(14 * 100 - 50);
            }
        }
    }

    @Test
    @DisplayName("at readRate 10, the newest-enabled fallback's list and access take permits too: 6 reads of secrets "
            + "whose newest version is disabled are 18 requests, spread over at least 1.55 s")
    void fallbackRequestsArePaced() throws Exception {
        try (EmulatorWorld world = new EmulatorWorld()) {
            Map<String, Object> config = world.keyConfig(world.keyJson(EmulatorWorld.STORE_ACCOUNT),
                    EmulatorWorld.NAME_PREFIX);
            config.put("readRate", 10);
            List<SecretName> names = IntStream.range(0, 6).mapToObj(i -> SecretName.of("paced/d" + i)).toList();
            NameCodec codec = NameCodecs.gcp().withPrefix(EmulatorWorld.NAME_PREFIX);
            try (SecretStore store = SecretStores.open(config)) {
                for (SecretName n : names) {
                    store.put(n, SecretValue.ofText("older"));
                    store.put(n, SecretValue.ofText("newest"));
                    world.emulator.control().setVersionState(EmulatorWorld.PROJECT, codec.encode(n), 2,
                            SecretVersion.State.DISABLED);
                }
                world.emulator.control().clearRequestCounts();

                Map<SecretName, ReadResult> results;
                long elapsedMillis;
                try (RequestPaceProbe probe = new RequestPaceProbe(
                        () -> world.emulator.control().requestCount("AccessSecretVersion")
                                + world.emulator.control().requestCount("ListSecretVersions"))) {
                    results = store.readAll(names);
                    elapsedMillis = probe.elapsedMillis();
                    assertThat(probe.sampleCount()).isPositive();
                    assertThat(probe.samplesAbove(10)).as("samples with more requests than 10 a second allow by then")
                            .isEmpty();
                }

                assertThat(results.values()).allSatisfy(r -> assertThat(r.secret().orElseThrow().value().text())
                        .isEqualTo("older"));
                assertThat(world.emulator.control().requestCount("AccessSecretVersion")).isEqualTo(12);
                assertThat(world.emulator.control().requestCount("ListSecretVersions")).isEqualTo(6);
                assertThat(elapsedMillis).isGreaterThanOrEqualTo(16 * 100 - 50);
            }
        }
    }
}
