package dev.secretstore.connections.internal;

/** The mask shown instead of a secret. */
public final class SecretMasks {

    /** What API responses and logs show instead of a secret or a reference. */
    public static final String MASK = "**********";

    private SecretMasks() {
    }
}
