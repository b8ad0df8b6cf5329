package dev.secretstore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.InvalidConfigException;
import dev.secretstore.SecretStores;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code secretstore policy azure}: the az commands for Key Vault Secrets Officer at the vault's scope. The
 * conformance fixtures grant the privileged application exactly the role this text names (see EmulatorVault).
 */
class AzurePolicyTest {
    private static final String CLIENT = "87654321-4321-4321-4321-210987654321";

    @Test
    void printsTheRoleAssignmentAtTheVaultScope() {
        String policy = SecretStores.recommendedPolicy("azure",
                Map.of("vault-url", "https://my-airbyte-vault.vault.azure.net/", "client-id", CLIENT)).orElseThrow();

        assertThat(policy)
                .contains("az role assignment create")
                .contains("--role \"Key Vault Secrets Officer\"")
                .contains("--assignee " + CLIENT)
                .contains("--scope \"$(az keyvault show --name my-airbyte-vault --query id --output tsv)\"")
                .contains("--enable-rbac-authorization true")
                .contains("cannot be conditioned on tags");
        assertThat(EmulatorVault.roleIn(policy)).isEqualTo("Key Vault Secrets Officer");
    }

    @Test
    void refusesAnHttpUrlOrABadClientId() {
        assertThatThrownBy(() -> SecretStores.recommendedPolicy("azure",
                Map.of("vault-url", "http://v.vault.azure.net/", "client-id", "app")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("vault-url").hasMessageContaining("client-id");
    }
}
