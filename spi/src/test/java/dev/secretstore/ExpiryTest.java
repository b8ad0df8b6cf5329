package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.testing.InMemorySpi;
import dev.secretstore.testing.MemoryProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Creating a secret with an expiry (Capability.EXPIRY)")
class ExpiryTest {

    static final String TAG = "AirbyteManaged";
    final SecretName name = SecretName.of("short-lived");
    final Instant inAnHour = Instant.now().plus(Duration.ofHours(1));

    /** Records the expiry it is given, as a provider with EXPIRY would send it to its store. */
    static final class ExpiringSpi extends InMemorySpi {
        Instant expiresAt;
        Map<String, String> tags;

        ExpiringSpi() {
            super(StoreLimits.builder().build(), TAG);
        }

        @Override
        public synchronized SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags,
                Instant expiresAt) {
            this.expiresAt = expiresAt;
            this.tags = tags;
            return create(name, value, tags).toBuilder().expiresAt(expiresAt).build();
        }
    }

    static MemoryProvider withExpiry(InMemorySpi spi) {
        return new MemoryProvider(spi) {
            @Override
            public Set<Capability> capabilities() {
                Set<Capability> all = EnumSet.copyOf(super.capabilities());
                all.add(Capability.EXPIRY);
                return all;
            }
        };
    }

    @Test
    @DisplayName("a store without EXPIRY refuses an expiry before any I/O, with the standard message")
    void refusedWithoutCapability() {
        InMemorySpi spi = new InMemorySpi(StoreLimits.builder().build(), TAG);
        SecretStore store = SecretStores.open(new MemoryProvider(spi), Map.of());

        UnsupportedCapabilityException e = catchThrowableOfType(() -> store.create(name, SecretValue.ofText("v"),
                CreateOptions.expiringAt(inAnHour)), UnsupportedCapabilityException.class);

        assertThat(e.capability()).isEqualTo(Capability.EXPIRY);
        assertThat(e.getMessage()).contains(UnsupportedCapabilityException.standardMessage(Capability.EXPIRY));
        assertThat(e.operation()).contains(Operation.CREATE);
        assertThat(spi.calls()).isZero();
    }

    @Test
    @DisplayName("a store with EXPIRY receives the instant and the managed tag next to the user's tags")
    void passedToTheProvider() {
        ExpiringSpi spi = new ExpiringSpi();
        SecretStore store = SecretStores.open(withExpiry(spi), Map.of());

        SecretMetadata created = store.create(name, SecretValue.ofText("v"),
                CreateOptions.builder().tags(Map.of("team", "data")).expiresAt(inAnHour).build());

        assertThat(spi.expiresAt).isEqualTo(inAnHour);
        assertThat(spi.tags).containsEntry(TAG, "true").containsEntry("team", "data");
        assertThat(created.expiresAt()).contains(inAnHour);
        assertThat(store.read(name).value().text()).isEqualTo("v");
    }

    @Test
    @DisplayName("an expiry that is not in the future is refused before any I/O")
    void pastExpiryRefused() {
        ExpiringSpi spi = new ExpiringSpi();
        SecretStore store = SecretStores.open(withExpiry(spi), Map.of());

        InvalidRequestException e = catchThrowableOfType(() -> store.create(name, SecretValue.ofText("v"),
                CreateOptions.expiringAt(Instant.now().minusSeconds(1))), InvalidRequestException.class);

        assertThat(e.getMessage()).contains("is not in the future");
        assertThat(spi.calls()).isZero();
    }

    @Test
    @DisplayName("a provider that declares EXPIRY but keeps the SPI's default fails as unsupported, creating nothing")
    void spiDefaultIsUnsupported() {
        InMemorySpi spi = new InMemorySpi(StoreLimits.builder().build(), TAG);
        SecretStore store = SecretStores.open(withExpiry(spi), Map.of());

        UnsupportedCapabilityException e = catchThrowableOfType(() -> store.create(name, SecretValue.ofText("v"),
                CreateOptions.expiringAt(inAnHour)), UnsupportedCapabilityException.class);

        assertThat(e.capability()).isEqualTo(Capability.EXPIRY);
        assertThat(store.find(name)).isEmpty();
    }

    @Test
    @DisplayName("options without an expiry create an ordinary secret with the user's tags")
    void withoutExpiry() {
        InMemorySpi spi = new InMemorySpi(StoreLimits.builder().build(), TAG);
        SecretStore store = SecretStores.open(new MemoryProvider(spi), Map.of());

        SecretMetadata created = store.create(name, SecretValue.ofText("v"),
                CreateOptions.builder().tags(Map.of("team", "data")).build());

        assertThat(created.expiresAt()).isEmpty();
        assertThat(spi.rawTags(name)).containsEntry(TAG, "true").containsEntry("team", "data");
    }
}
