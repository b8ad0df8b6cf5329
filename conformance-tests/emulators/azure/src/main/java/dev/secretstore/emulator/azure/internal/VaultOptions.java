package dev.secretstore.emulator.azure.internal;

/**
 * The vault's own settings. Soft delete is always on, as it is for every vault today. The ARM names (subscription, resource group, location) only appear in 403 messages,
 * as they do in the real service's.
 */
public record VaultOptions(String name, String tenantId, String subscriptionId, String resourceGroup,
                           String location, boolean purgeProtection, int retentionDays) {

    public String armResourceId() {
        return "/subscriptions/" + subscriptionId + "/resourcegroups/" + resourceGroup
                + "/providers/microsoft.keyvault/vaults/" + name;
    }

    /** The {@code recoveryLevel} the service reports for secrets in a vault with these settings. */
    public String recoveryLevel() {
        String prefix = retentionDays < 90 ? "CustomizedRecoverable" : "Recoverable";
        return purgeProtection ? prefix : prefix + "+Purgeable";
    }
}
