package dev.secretstore.emulator.azure;

/**
 * The identities of the built-in default state ({@code default-state.json}), usable out of the box. These are
 * test credentials of a local emulator, documented in the README; they open nothing real.
 */
public final class EmulatorDefaults {
    /** The vault's tenant. */
    public static final String TENANT_ID = "5ec2e7a1-0000-4000-8000-000000000001";
    /** A second tenant whose tokens the vault refuses (wrong issuer). */
    public static final String OTHER_TENANT_ID = "5ec2e7a1-0000-4000-8000-000000000002";

    /** Has Key Vault Secrets Officer on the vault: every secret operation. */
    public static final String OFFICER_CLIENT_ID = "5ec2e7a1-0000-4000-8000-00000000a001";
    public static final String OFFICER_CLIENT_SECRET = "officer-client-secret";

    /** Has Key Vault Secrets User: read values and metadata. */
    public static final String USER_CLIENT_ID = "5ec2e7a1-0000-4000-8000-00000000a002";
    public static final String USER_CLIENT_SECRET = "user-client-secret";

    /** Has Key Vault Reader: metadata only. */
    public static final String READER_CLIENT_ID = "5ec2e7a1-0000-4000-8000-00000000a003";
    public static final String READER_CLIENT_SECRET = "reader-client-secret";

    /** Authenticates but has no role assignment. */
    public static final String NO_ROLE_CLIENT_ID = "5ec2e7a1-0000-4000-8000-00000000a004";
    public static final String NO_ROLE_CLIENT_SECRET = "no-role-client-secret";

    /** Its only client secret expired in 2020 (AADSTS7000222). */
    public static final String EXPIRED_SECRET_CLIENT_ID = "5ec2e7a1-0000-4000-8000-00000000a005";
    public static final String EXPIRED_CLIENT_SECRET = "expired-client-secret";

    /** Registered in {@link #OTHER_TENANT_ID}, with Secrets Officer on the vault: its tokens carry the wrong tenant. */
    public static final String OTHER_TENANT_CLIENT_ID = "5ec2e7a1-0000-4000-8000-00000000b001";
    public static final String OTHER_TENANT_CLIENT_SECRET = "other-tenant-client-secret";

    private EmulatorDefaults() {
    }
}
