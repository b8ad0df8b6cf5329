package dev.secretstore.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.InvalidConfigException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the cache from a store config (\"cache\": {...}) and from the API")
class CacheConfigTest {

    @TempDir
    Path dir;

    private Map<String, Object> local() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("provider", "local");
        config.put("path", dir.resolve("store").toString());
        config.put("keyFile", dir.resolve("master.key").toString());
        return config;
    }

    @Test
    @DisplayName("a config with a cache field opens a cached store; the engine's rules still apply")
    void configOpensCachedStore() {
        Map<String, Object> config = local();
        config.put("cache", Map.of("maxEntries", 100, "ttl", "PT1M"));
        try (SecretStore store = SecretStores.open(config)) {
            SecretCache cache = store.feature(SecretCache.class).orElseThrow();
            assertThat(cache.settings().maxEntries()).isEqualTo(100);
            assertThat(cache.settings().ttl()).isEqualTo(Duration.ofMinutes(1));
            SecretName name = SecretName.of("connections/pg/password");
            store.put(name, SecretValue.ofText("v1"));
            assertThat(store.read(name).value().text()).isEqualTo("v1");
            assertThat(store.read(name).value().text()).isEqualTo("v1");
            assertThat(cache.stats().hits()).isEqualTo(1);
            store.put(name, SecretValue.ofText("v2"));
            assertThat(store.read(name).value().text()).as("a write through the store invalidates at once").isEqualTo("v2");
            assertThat(store.describe(name).isManaged(store.managedTagKey())).isTrue();
        }
    }

    @Test
    @DisplayName("the API way: CacheSettings.addTo(config)")
    void apiOpensCachedStore() {
        Map<String, Object> config = CacheSettings.builder().maxEntries(5).build().addTo(local());
        try (SecretStore store = SecretStores.open(config)) {
            assertThat(store.feature(SecretCache.class)).hasValueSatisfying(c ->
                    assertThat(c.settings().maxEntries()).isEqualTo(5));
        }
    }

    @Test
    @DisplayName("a store opened without a cache field has no cache")
    void noCacheByDefault() {
        try (SecretStore store = SecretStores.open(local())) {
            assertThat(store.feature(SecretCache.class)).isEmpty();
        }
    }

    @Test
    @DisplayName("bad cache settings are field-named config errors that quote no value")
    void badSettings() {
        Map<String, Object> config = local();
        config.put("cache", Map.of("maxEntries", 0, "ttl", "hunter2", "tll", "PT1M"));
        assertThatThrownBy(() -> SecretStores.open(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("cache.maxEntries")
                .hasMessageContaining("cache.ttl")
                .hasMessageContaining("cache.tll")
                .hasMessageNotContaining("hunter2");
        config.put("cache", "yes");
        assertThatThrownBy(() -> SecretStores.open(config)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("cache: expected an object");
    }

    @Test
    @DisplayName("a ttl or staleIfError too long to count in nanoseconds is a field-named config error, not an ArithmeticException")
    void durationsBeyondTheClock() {
        Map<String, Object> config = local();
        config.put("cache", Map.of("ttl", "PT2600000H", "staleIfError", "P200000D"));
        assertThatThrownBy(() -> SecretStores.open(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("cache.ttl")
                .hasMessageContaining("cache.staleIfError")
                .hasMessageContaining("P36500D");
        assertThatThrownBy(() -> CacheSettings.builder().ttl(Duration.ofDays(36_501)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CacheSettings.builder().staleIfError(Duration.ofDays(36_501)))
                .isInstanceOf(IllegalArgumentException.class);
        config.put("cache", Map.of("ttl", "P36500D", "staleIfError", "P36500D"));
        try (SecretStore store = SecretStores.open(config)) {
            assertThat(store.feature(SecretCache.class)).isPresent();
        }
    }

    @Test
    @DisplayName("the store never hands out its inner store through feature()")
    void noBypass() {
        Map<String, Object> config = local();
        config.put("cache", Map.of());
        try (SecretStore store = SecretStores.open(config)) {
            assertThat(store.feature(dev.secretstore.spi.SecretStoreSpi.class)).isEmpty();
            assertThat(store.feature(Object.class)).hasValueSatisfying(o ->
                    assertThat(o).isNotInstanceOf(dev.secretstore.spi.SecretStoreSpi.class));
        }
    }
}
