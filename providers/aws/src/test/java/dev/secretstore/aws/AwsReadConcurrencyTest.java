package dev.secretstore.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.InvalidConfigException;
import dev.secretstore.ReadResult;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.aws.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** readAll's BatchGetSecretValue calls run with a bounded number in flight (readConcurrency). */
class AwsReadConcurrencyTest {

    private static EmulatedAccount account;

    @BeforeAll
    static void start() {
        account = EmulatedAccount.start();
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    private static SecretStore store(int readConcurrency) {
        Map<String, Object> config = account.accessKeyConfig(EmulatedAccount.APP_KEY, EmulatedAccount.APP_SECRET);
        config.put("readConcurrency", readConcurrency);
        return SecretStores.open(config);
    }

    @Test
    @DisplayName("with parallel batches, 130 names (7 batches) come back complete, in order, in exactly 7 calls")
    void parallelBatchesAreCompleteAndOrdered() {
        String prefix = "conc-" + UUID.randomUUID().toString().substring(0, 8) + "/";
        List<SecretName> names = new ArrayList<>();
        try (SecretStore store = store(4)) {
            for (int i = 0; i < 130; i++) {
                SecretName name = SecretName.of(prefix + "s" + i);
                names.add(name);
                if (i % 13 != 0) {
                    account.emulator.plantSecret(plantedManaged(name.value(), "v" + i));
                }
            }
            // Every batch answers late, so the calls overlap; the assertions are about results, not time.
            account.emulator.setFault("BatchGetSecretValue", Fault.latency(Duration.ofMillis(50)));
            long before = account.emulator.requestCount("BatchGetSecretValue");
            Map<SecretName, ReadResult> results = store.readAll(names);
            account.emulator.clearFaults();

            assertThat(account.emulator.requestCount("BatchGetSecretValue") - before).isEqualTo(7);
            assertThat(results.keySet()).containsExactlyElementsOf(names);
            for (int i = 0; i < 130; i++) {
                ReadResult r = results.get(names.get(i));
                if (i % 13 != 0) {
                    assertThat(r.secret()).get().extracting(s -> s.value().text()).isEqualTo("v" + i);
                } else {
                    assertThat(r.failure()).get().isInstanceOf(dev.secretstore.SecretNotFoundException.class);
                }
            }
        }
    }

    @Test
    @DisplayName("readConcurrency outside 1..32 is a field-named config error")
    void readConcurrencyValidated() {
        assertThatThrownBy(() -> store(0)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("readConcurrency").hasMessageContaining("1 to 32");
        assertThatThrownBy(() -> store(33)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("readConcurrency");
    }

    private static dev.secretstore.emulator.aws.SecretSeed plantedManaged(String name, String value) {
        return dev.secretstore.emulator.aws.SecretSeed.builder(name).secretString(value)
                .tag(EmulatedAccount.TAG_KEY, "true").build();
    }
}
