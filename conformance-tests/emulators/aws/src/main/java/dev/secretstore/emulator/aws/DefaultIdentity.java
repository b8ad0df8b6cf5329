package dev.secretstore.emulator.aws;

/**
 * What the emulator knows out of the box. The admin key is AWS's own documentation example key pair, so it is
 * recognisable as fake wherever it turns up. Its user may do everything ({@code "Action": "*"}).
 */
public final class DefaultIdentity {
    public static final String ACCOUNT_ID = "123456789012";
    /** Region of planted secrets when none is given; requests use the region their signature is scoped to. */
    public static final String REGION = "us-east-1";
    public static final String ADMIN_USER_NAME = "admin";
    public static final String ADMIN_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String ADMIN_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private DefaultIdentity() {
    }
}
