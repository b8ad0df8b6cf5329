package dev.secretstore.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixty secrets from the local store to a third-party store (SPI only) and back to a fresh local store,
 * verified: the scaled-down, emulator-free form of the 5,000-secret round trip (the cloud providers' emulator
 * round trips need the providers on main).
 */
@DisplayName("A round trip of many secrets: local -> third-party vault -> local")
class RoundTripVolumeTest {

    static final int SECRETS = 60;

    @TempDir
    Path tmp;

    @Test
    @DisplayName("every secret arrives once, with every version and tag, verified, in both directions")
    void roundTrip() {
        TestVault vault = TestVault.withHistory("vault");
        try (SecretStore local = LocalStores.open(tmp.resolve("a")); SecretStore middle = vault.open();
             SecretStore back = LocalStores.open(tmp.resolve("c"))) {
            for (int i = 0; i < SECRETS; i++) {
                SecretName name = SecretName.of("airbyte_workspace_" + i + "_secret_" + (i * 7919) + "_v1");
                local.create(name, SecretValue.ofText("value-" + i), Map.of("n", Integer.toString(i % 10)));
                if (i % 3 == 0) {
                    local.put(name, SecretValue.ofText("value-" + i + "-b"));
                }
            }

            MigrationReport out = Migration.builder(local, middle).journal(tmp.resolve("out.journal")).build().run();
            MigrationReport home = Migration.builder(middle, back).journal(tmp.resolve("back.journal")).build().run();

            int versions = SECRETS + (SECRETS + 2) / 3;
            assertThat(out.succeeded()).as("%s", out.failures()).isTrue();
            assertThat(out.copied()).isEqualTo(SECRETS);
            assertThat(out.versionsCopied()).isEqualTo(versions);
            assertThat(home.succeeded()).as("%s", home.failures()).isTrue();
            assertThat(home.versionsCopied()).isEqualTo(versions);
            assertThat(vault.names()).hasSize(SECRETS);
            for (int i = 0; i < SECRETS; i++) {
                SecretName name = SecretName.of("airbyte_workspace_" + i + "_secret_" + (i * 7919) + "_v1");
                assertThat(back.listVersions(name).stream().map(v -> back.read(name, v).value().text()).toList())
                        .isEqualTo(i % 3 == 0 ? java.util.List.of("value-" + i, "value-" + i + "-b")
                                : java.util.List.of("value-" + i));
                assertThat(back.describe(name).tags()).containsEntry("n", Integer.toString(i % 10))
                        .containsEntry(back.managedTagKey(), "true");
            }
        }
    }
}
