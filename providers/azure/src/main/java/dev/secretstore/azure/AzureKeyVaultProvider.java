package dev.secretstore.azure;

import com.google.auto.service.AutoService;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.SecretStoreException;
import dev.secretstore.azure.internal.AzureConfig;
import dev.secretstore.azure.internal.AzurePolicy;
import dev.secretstore.azure.internal.KeyVaultStore;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.spi.VerificationStepKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Azure Key Vault secrets through the official Azure SDK for Java, with a service principal (client secret) or
 * workload identity (a federated token file, as on AKS). Describing and validating configs loads no SDK class;
 * only {@link #open(StoreConfig)} does.
 */
@AutoService(SecretStoreProvider.class)
public final class AzureKeyVaultProvider implements SecretStoreProvider {

    @Override
    public String name() {
        return "azure";
    }

    @Override
    public String description() {
        return "Azure Key Vault secrets (service principal or workload identity, Azure RBAC)";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.VERSIONS, Capability.READ_SPECIFIC_VERSION, Capability.SOFT_DELETE,
                Capability.RESTORE, Capability.TAGS, Capability.LIST_BY_PREFIX);
    }

    @Override
    public List<ConfigField> configFields() {
        return AzureConfig.fields();
    }

    @Override
    public boolean recognises(Map<String, ?> config) {
        return config.containsKey(AzureConfig.VAULT_URL);
    }

    @Override
    public String shapeDescription() {
        return "azure: vaultUrl + tenantId + clientId + (clientSecret | auth_type WORKLOAD_IDENTITY)";
    }

    @Override
    public List<ConfigProblem> validate(StoreConfig config) {
        return AzureConfig.validate(config);
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        return KeyVaultStore.open(AzureConfig.Settings.from(config));
    }

    @Override
    public Optional<String> remediation(VerificationStepKind step, SecretStoreException failure) {
        return failure.remediation();
    }

    @Override
    public List<ConfigField> policyOptions() {
        return AzurePolicy.options();
    }

    @Override
    public Optional<String> recommendedPolicy(Map<String, String> options) {
        return Optional.of(AzurePolicy.text(options));
    }
}
