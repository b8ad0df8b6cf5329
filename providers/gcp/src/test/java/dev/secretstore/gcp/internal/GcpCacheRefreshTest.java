package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cache's refresh over this provider: past its ttl the cache reads the value again (this store's describe is two
 * metadata requests on a quota 150 times smaller than reads', so it declares describe no cheaper than a read), and a
 * read is the newest enabled version: when the version the cache holds is disabled, the refresh returns the older
 * enabled value instead of serving the disabled one.
 */
@DisplayName("gcp under the cache: a disabled current version is not served after the ttl")
class GcpCacheRefreshTest {

    static final Duration TTL = Duration.ofMillis(200);
    static EmulatorWorld world;

    @BeforeAll
    static void start() {
        world = new EmulatorWorld();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("the cached version disabled: past the ttl the cache reloads the newest enabled value")
    void disabledCachedVersionIsReloaded() throws InterruptedException {
        Map<String, Object> config = world.keyConfig(world.keyJson(EmulatorWorld.STORE_ACCOUNT),
                EmulatorWorld.NAME_PREFIX);
        // staleIfError keeps the entry past its ttl, so the read past it is a refresh, not a miss.
        config.put("cache", Map.of("ttl", TTL.toString(), "staleIfError", "PT1M"));
        try (SecretStore cached = SecretStores.open(config)) {
            SecretName name = SecretName.of("cached/pulled");
            cached.put(name, SecretValue.ofText("kept"));
            cached.put(name, SecretValue.ofText("pulled"));
            assertThat(cached.read(name).value().text()).isEqualTo("pulled");
            try (var admin = world.adminClient()) {
                admin.disableSecretVersion(cached.describe(name).nativeId() + "/versions/2");
            }

            Thread.sleep(TTL.multipliedBy(3).toMillis()); // past the ttl: a lower bound, not a timing assertion
            world.emulator.control().clearRequestCounts();
            var read = cached.read(name);

            assertThat(read.value().text()).isEqualTo("kept");
            assertThat(read.version()).isEqualTo("1");
            assertThat(world.emulator.control().requestCounts()).as("no describe (GetSecret, GetSecretVersion): latest "
                    + "refused as DISABLED, the list of enabled versions, the version it names")
                    .containsOnly(Map.entry("AccessSecretVersion", 2L), Map.entry("ListSecretVersions", 1L));
        }
    }

    @Test
    @DisplayName("an unchanged secret past the ttl costs one AccessSecretVersion, and no metadata request")
    void unchangedSecretIsReadAgainInOneRequest() throws InterruptedException {
        Map<String, Object> config = world.keyConfig(world.keyJson(EmulatorWorld.STORE_ACCOUNT),
                EmulatorWorld.NAME_PREFIX);
        config.put("cache", Map.of("ttl", TTL.toString(), "staleIfError", "PT1M"));
        try (SecretStore cached = SecretStores.open(config)) {
            SecretName name = SecretName.of("cached/unchanged");
            cached.put(name, SecretValue.ofText("same"));
            assertThat(cached.read(name).value().text()).isEqualTo("same");

            Thread.sleep(TTL.multipliedBy(3).toMillis()); // past the ttl: a lower bound, not a timing assertion
            world.emulator.control().clearRequestCounts();
            assertThat(cached.read(name).value().text()).isEqualTo("same");

            assertThat(world.emulator.control().requestCounts()).containsOnly(Map.entry("AccessSecretVersion", 1L));
        }
    }
}
