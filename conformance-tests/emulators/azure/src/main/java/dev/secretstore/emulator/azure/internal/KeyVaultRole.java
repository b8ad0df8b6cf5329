package dev.secretstore.emulator.azure.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The built-in Key Vault data-plane roles that concern secrets, with their role definition ids. */
public enum KeyVaultRole {
    ADMINISTRATOR("Key Vault Administrator", "00482a5a-887f-4fb3-b363-3b7fe8e74483", EnumSet.allOf(DataAction.class)),
    SECRETS_OFFICER("Key Vault Secrets Officer", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
            EnumSet.allOf(DataAction.class)),
    SECRETS_USER("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6",
            EnumSet.of(DataAction.GET_SECRET, DataAction.READ_METADATA)),
    READER("Key Vault Reader", "21090545-7ca7-4776-b22c-e363652d74d2", EnumSet.of(DataAction.READ_METADATA));

    private final String displayName;
    private final String definitionId;
    private final Set<DataAction> dataActions;

    KeyVaultRole(String displayName, String definitionId, Set<DataAction> dataActions) {
        this.displayName = displayName;
        this.definitionId = definitionId;
        this.dataActions = dataActions;
    }

    public String displayName() {
        return displayName;
    }

    public boolean allows(DataAction action) {
        return dataActions.contains(action);
    }

    /** Accepts the display name ({@code Key Vault Secrets User}), the definition GUID, or the enum name. */
    public static KeyVaultRole parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (KeyVaultRole role : values()) {
            if (role.displayName.toLowerCase(Locale.ROOT).equals(wanted) || role.definitionId.equals(wanted)
                    || role.name().toLowerCase(Locale.ROOT).equals(wanted.replace(' ', '_'))) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; known: Key Vault Administrator, "
                + "Key Vault Secrets Officer, Key Vault Secrets User, Key Vault Reader (or their definition ids)");
    }
}
