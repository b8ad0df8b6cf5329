package com.example.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.ProviderInfo;
import dev.secretstore.SecretStores;
import org.junit.jupiter.api.Test;

/** The jar registers itself: @AutoService wrote META-INF/services, so SecretStores finds the provider by name. */
class KeystoreVaultDiscoveryTest {

    @Test
    void providerIsFoundThroughServiceLoader() {
        ProviderInfo info = SecretStores.installedProviders().stream()
                .filter(p -> p.name().equals(KeystoreVaultProvider.NAME)).findFirst().orElseThrow();

        assertThat(info.configField("keystoreFile")).hasValueSatisfying(f -> assertThat(f.required()).isTrue());
        assertThat(info.configField("password")).hasValueSatisfying(f -> assertThat(f.secret()).isTrue());
        assertThat(SecretStores.providerLoadFailures()).isEmpty();
    }
}
