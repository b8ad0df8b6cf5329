package dev.secretstore.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.SecretView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SecretStore.withValue} on a cached local store: the engine, the cache and the store together. */
@DisplayName("withValue through the cache: the cached bytes, read in place")
class WithValueThroughCacheTest {

    @TempDir
    Path dir;
    SecretStore store;
    SecretCache cache;
    final SecretName name = SecretName.of("webhooks/signing-token");

    @BeforeEach
    void open() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("provider", "local");
        config.put("path", dir.resolve("store").toString());
        config.put("keyFile", dir.resolve("master.key").toString());
        store = SecretStores.open(CacheSettings.defaults().addTo(config));
        cache = store.feature(SecretCache.class).orElseThrow();
        store.put(name, SecretValue.ofText("token-1"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    @DisplayName("a miss loads once; hits lend the one cached value (the same view each time), never zeroed by the engine")
    void hitsLendTheCachedValue() {
        List<SecretView> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String text = store.withValue(name, v -> {
                seen.add(v);
                return v.text();
            });
            assertThat(text).isEqualTo("token-1");
        }
        assertThat(cache.stats().misses()).isEqualTo(1);
        assertThat(cache.stats().hits()).isEqualTo(2);
        assertThat(seen).hasSize(3).allSatisfy(v -> assertThat(v).isSameAs(seen.get(0)));
        assertThat(seen.get(0).contentEquals("token-1".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .as("still the cache's, intact").isTrue();
    }

    @Test
    @DisplayName("a value invalidated (and zeroed) while the function reads it: the function runs again on a copy and "
            + "answers from the whole value")
    void invalidatedDuringUse() {
        store.read(name); // cached
        List<String> attempts = new ArrayList<>();
        String text = store.withValue(name, v -> {
            if (attempts.isEmpty()) {
                cache.invalidate(name); // zeroes the value this view reads
            }
            try {
                String t = v.text();
                attempts.add(t);
                return t;
            } catch (IllegalStateException e) {
                attempts.add("zeroed");
                throw e;
            }
        });
        assertThat(text).isEqualTo("token-1");
        assertThat(attempts).containsExactly("zeroed", "token-1");
    }

    @Test
    @DisplayName("a write through the store is seen by the next use; absence is an error, never cached")
    void writesAndAbsence() {
        assertThat(store.withValue(name, SecretView::text)).isEqualTo("token-1");
        store.put(name, SecretValue.ofText("token-2"));
        assertThat(store.withValue(name, SecretView::text)).isEqualTo("token-2");
        SecretName absent = SecretName.of("webhooks/absent");
        assertThatThrownBy(() -> store.withValue(absent, SecretView::text)).isInstanceOf(SecretNotFoundException.class);
        store.put(absent, SecretValue.ofText("now"));
        assertThat(store.withValue(absent, SecretView::text)).isEqualTo("now");
    }
}
