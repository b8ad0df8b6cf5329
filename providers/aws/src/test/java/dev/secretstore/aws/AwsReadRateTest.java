package dev.secretstore.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.InvalidConfigException;
import dev.secretstore.ReadResult;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.emulator.aws.SecretSeed;
import dev.secretstore.emulator.testing.RequestPaceProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * readAll starts at most readRate BatchGetSecretValue calls a second, on top of readConcurrency in flight. Only
 * lower bounds on time are asserted (a loaded machine can only make the calls later).
 */
class AwsReadRateTest {

    private static final String BATCH = "BatchGetSecretValue";
    private static EmulatedAccount account;

    @BeforeAll
    static void start() {
        account = EmulatedAccount.start();
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    private static Map<String, Object> config() {
        return account.accessKeyConfig(EmulatedAccount.APP_KEY, EmulatedAccount.APP_SECRET);
    }

    @Test
    @DisplayName("at readRate 5, a readAll of 10 batches is spread over at least 1.6 s, and a 10/s quota never throttles it")
    void batchCallsArePacedToReadRate() throws Exception {
        String prefix = "rate-" + UUID.randomUUID().toString().substring(0, 8) + "/";
        List<SecretName> names = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            SecretName name = SecretName.of(prefix + "s" + i);
            names.add(name);
            account.emulator.plantSecret(SecretSeed.builder(name.value()).secretString("v" + i)
                    .tag(EmulatedAccount.TAG_KEY, "true").build());
        }
        Map<String, Object> config = config();
        config.put("readRate", 5);
        // Retries off: a throttled batch would fail the readAll instead of being retried past the emulator's quota.
        config.put("retry", Map.of("maxAttempts", 1));
        try (SecretStore store = SecretStores.open(config)) {
            // The emulator throttles above 10 calls a second (a burst of 10 passes), as AWS does above its quota:
            // 10 batches sent as fast as 8 in flight allow would not all get through.
            account.emulator.setRateLimit(BATCH, 10);
            long before = account.emulator.requestCount(BATCH);
            Map<SecretName, ReadResult> results;
            long elapsedMillis;
            try (RequestPaceProbe probe = new RequestPaceProbe(() -> account.emulator.requestCount(BATCH) - before)) {
                results = store.readAll(names);
                elapsedMillis = probe.elapsedMillis();
                assertThat(probe.sampleCount()).isPositive();
                assertThat(probe.samplesAbove(5)).as("samples with more calls than 5 a second allow by then").isEmpty();
            } finally {
                account.emulator.clearRateLimits();
            }
            assertThat(account.emulator.requestCount(BATCH) - before).isEqualTo(10);
            assertThat(results.values()).allSatisfy(r -> assertThat(r.secret()).isPresent());
            // 10 calls at 5 a second: the first at once, the second possibly early (the limiter's periods started
            // when the store was opened), the other 8 at least 200 ms apart.
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(8 * 200 - 50);
        }
    }

    @Test
    @DisplayName("readRate: absent means 50; outside 1..10000 or not a whole number is a field-named error")
    void readRateValidated() {
        Map<String, Object> absent = config();
        try (SecretStore store = SecretStores.open(absent)) {
            assertThat(store).isNotNull();
        }
        assertThat(dev.secretstore.aws.internal.AwsSettings.from(dev.secretstore.spi.StoreConfig.of(absent,
                dev.secretstore.aws.internal.AwsConfigFields.all())).readRate())
                .isEqualTo(50);
        for (Object bad : List.of(0, -1, 10_001, "fast", 2.5)) {
            Map<String, Object> c = config();
            c.put("readRate", bad);
            assertThatThrownBy(() -> SecretStores.open(c)).isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("readRate").satisfies(e -> assertThat(e.getMessage())
                            .doesNotContain(EmulatedAccount.APP_SECRET));
        }
        Map<String, Object> top = config();
        top.put("readRate", 10_000);
        try (SecretStore store = SecretStores.open(top)) {
            assertThat(store).isNotNull();
        }
    }
}
