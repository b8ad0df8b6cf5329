package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.ListOptions;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code region}: secrets under projects/P/locations/R, created without a replication policy. */
@DisplayName("gcp regional secrets")
class GcpRegionalTest {

    @Test
    @DisplayName("a store with a region keeps its secrets in that location and lists only them")
    void regionalStore() {
        try (EmulatorWorld world = new EmulatorWorld()) {
            Map<String, Object> config = world.keyConfig(world.keyJson(EmulatorWorld.ADMIN), EmulatorWorld.NAME_PREFIX);
            config.put("region", "europe-west4");
            SecretName name = SecretName.of("regional/db_password");
            try (SecretStore regional = SecretStores.open(config);
                 SecretStore global = world.store(EmulatorWorld.ADMIN, EmulatorWorld.NAME_PREFIX)) {
                SecretMetadata created = regional.create(name, SecretValue.ofText("in europe"), Map.of("team", "data"));

                assertThat(created.nativeId()).startsWith("projects/" + EmulatorWorld.PROJECT_NUMBER
                        + "/locations/europe-west4/secrets/");
                assertThat(regional.read(name).value().text()).isEqualTo("in europe");
                assertThat(regional.list(ListOptions.withPrefix("regional/")).items()).extracting(SecretMetadata::name)
                        .containsExactly(name);
                assertThat(global.find(name)).as("the same name among global secrets").isEmpty();
                try (var admin = world.adminClient()) {
                    assertThat(admin.getSecret(created.nativeId()).hasReplication()).as("replication policy").isFalse();
                }
                regional.delete(name);
                assertThat(regional.find(name)).isEmpty();
            }
        }
    }
}
