package dev.secretstore.emulator.azure.internal;

/** Key Vault's secret data actions, as RBAC role definitions and 403 messages name them. */
public enum DataAction {
    GET_SECRET("Microsoft.KeyVault/vaults/secrets/getSecret/action"),
    SET_SECRET("Microsoft.KeyVault/vaults/secrets/setSecret/action"),
    READ_METADATA("Microsoft.KeyVault/vaults/secrets/readMetadata/action"),
    UPDATE("Microsoft.KeyVault/vaults/secrets/update/action"),
    DELETE("Microsoft.KeyVault/vaults/secrets/delete"),
    RECOVER("Microsoft.KeyVault/vaults/secrets/recover/action"),
    PURGE("Microsoft.KeyVault/vaults/secrets/purge/action"),
    BACKUP("Microsoft.KeyVault/vaults/secrets/backup/action"),
    RESTORE("Microsoft.KeyVault/vaults/secrets/restore/action");

    private final String actionName;

    DataAction(String actionName) {
        this.actionName = actionName;
    }

    public String actionName() {
        return actionName;
    }
}
