package dev.secretstore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.azure.Operation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cache's refresh over Key Vault: this store's describe is a GetSecret, the same request as a read, so it declares
 * describe no cheaper than a read and the cache, past its ttl, reads the value again at once: one GetSecret whether
 * the secret changed or not (describing first would cost two whenever it changed).
 */
class AzureCacheRefreshTest {

    private static final Duration TTL = Duration.ofMillis(200);

    @Test
    void pastTheTtlTheCacheReadsAgainInOneGetSecret() throws InterruptedException {
        try (EmulatorVault vault = new EmulatorVault()) {
            Map<String, Object> config = vault.privileged();
            // staleIfError keeps the entry past its ttl, so the read past it is a refresh, not a miss.
            config.put("cache", Map.of("ttl", TTL.toString(), "staleIfError", "PT1M"));
            try (SecretStore cached = SecretStores.open(config)) {
                SecretName name = SecretName.of("cached/refresh");
                cached.create(name, SecretValue.ofText("first"));
                assertThat(cached.read(name).value().text()).isEqualTo("first");

                Thread.sleep(TTL.multipliedBy(3).toMillis()); // past the ttl: a lower bound, not a timing assertion
                vault.emulator.resetRequestCounts();
                assertThat(cached.read(name).value().text()).isEqualTo("first");
                assertThat(vault.emulator.requestCount(Operation.GET_SECRET)).as("unchanged: one read, no describe")
                        .isEqualTo(1);

                // A new version written around this store (another replica), so the cache does not know of it.
                try (SecretStore direct = SecretStores.open(vault.privileged())) {
                    direct.put(name, SecretValue.ofText("second"));
                }
                Thread.sleep(TTL.multipliedBy(3).toMillis());
                vault.emulator.resetRequestCounts();
                assertThat(cached.read(name).value().text()).isEqualTo("second");
                assertThat(vault.emulator.requestCount(Operation.GET_SECRET)).as("changed: still one read")
                        .isEqualTo(1);
            }
        }
    }
}
