package dev.secretstore.emulator.azure;

/**
 * The operations the emulator serves, named after the Key Vault REST operation ids (and {@link #TOKEN} for the
 * Entra token endpoint). Request counts and faults are kept per operation.
 */
public enum Operation {
    SET_SECRET("SetSecret"),
    GET_SECRET("GetSecret"),
    GET_SECRETS("GetSecrets"),
    GET_SECRET_VERSIONS("GetSecretVersions"),
    UPDATE_SECRET("UpdateSecret"),
    DELETE_SECRET("DeleteSecret"),
    GET_DELETED_SECRET("GetDeletedSecret"),
    GET_DELETED_SECRETS("GetDeletedSecrets"),
    RECOVER_DELETED_SECRET("RecoverDeletedSecret"),
    PURGE_DELETED_SECRET("PurgeDeletedSecret"),
    /** {@code POST /{tenant}/oauth2/v2.0/token}. */
    TOKEN("Token"),
    /**
     * {@code GET /{tenant}/v2.0/.well-known/openid-configuration} and its {@code jwks_uri}: what MSAL for
     * JavaScript (and Python) reads before it asks for a token.
     */
    OPENID_CONFIGURATION("OpenIdConfiguration");

    private final String restName;

    Operation(String restName) {
        this.restName = restName;
    }

    /** The REST operation id, e.g. {@code GetSecret}; also the name the admin endpoint uses. */
    public String restName() {
        return restName;
    }

    /** Accepts the REST name ({@code GetSecret}) or the enum name ({@code GET_SECRET}). */
    public static Operation fromName(String name) {
        for (Operation operation : values()) {
            if (operation.restName.equalsIgnoreCase(name) || operation.name().equalsIgnoreCase(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown operation: " + name);
    }

    /** Vault operations, as opposed to the Entra endpoints (token and OpenID discovery). */
    public boolean isVaultOperation() {
        return this != TOKEN && this != OPENID_CONFIGURATION;
    }
}
