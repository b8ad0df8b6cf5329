package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.Capability;
import dev.secretstore.CreateOptions;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Capability.EXPIRY: Secret Manager's expire_time, sent with the create; the secret is gone after it. */
@DisplayName("gcp expiry")
class GcpExpiryTest {

    @Test
    @DisplayName("a secret created with an expiry carries it and is deleted by the store after it")
    void expiringSecret() throws InterruptedException {
        try (EmulatorWorld world = new EmulatorWorld();
             SecretStore store = world.store(EmulatorWorld.STORE_ACCOUNT, EmulatorWorld.NAME_PREFIX)) {
            assertThat(store.supports(Capability.EXPIRY)).isTrue();
            // The first call of a JVM pays for key generation and class loading: done before the clock starts.
            store.put(SecretName.of("short-lived/warm-up"), SecretValue.ofText("warm"));
            SecretName name = SecretName.of("short-lived/token");
            Instant at = Instant.now().plus(Duration.ofSeconds(3)).truncatedTo(ChronoUnit.MILLIS);

            SecretMetadata created = store.create(name, SecretValue.ofText("temporary"),
                    CreateOptions.builder().tags(Map.of("kind", "oauth")).expiresAt(at).build());

            assertThat(created.expiresAt()).contains(at);
            assertThat(store.describe(name).expiresAt()).contains(at);
            assertThat(store.describe(name).tags()).containsEntry("kind", "oauth").containsEntry("airbyte-managed", "true");
            assertThat(store.read(name).value().text()).isEqualTo("temporary");

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (Instant.now().isBefore(at.plusMillis(50)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(store.find(name)).as("after its expiry").isEmpty();
            assertThatThrownBy(() -> store.read(name)).isInstanceOf(SecretNotFoundException.class);
        }
    }
}
