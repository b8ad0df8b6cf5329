package dev.secretstore;

/**
 * Options of {@link SecretStore#verify(VerifyOptions)}: whether to keep the test secret.
 *
 * <pre>{@code
 * VerificationReport report = store.verify(VerifyOptions.keepTestSecret());
 * }</pre>
 */
public final class VerifyOptions {

    private static final VerifyOptions DEFAULTS = new VerifyOptions(false);
    private static final VerifyOptions KEEP = new VerifyOptions(true);

    private final boolean keep;

    private VerifyOptions(boolean keep) {
        this.keep = keep;
    }

    /** @return delete the test secret at the end */
    public static VerifyOptions defaults() {
        return DEFAULTS;
    }

    /** @return leave the test secret in the store (its name is in the report) */
    public static VerifyOptions keepTestSecret() {
        return KEEP;
    }

    /**

     * @param keep whether to keep the test secret

     * @return the options

     */
    public static VerifyOptions of(boolean keep) {
        return keep ? KEEP : DEFAULTS;
    }

    /** @return whether the test secret is kept */
    public boolean keep() {
        return keep;
    }

    @Override
    public String toString() {
        return "VerifyOptions[keep=" + keep + "]";
    }
}
