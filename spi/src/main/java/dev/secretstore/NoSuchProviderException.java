package dev.secretstore;

/**
 * No installed provider matches, worded as the JCA does: {@code no such provider: x} when a provider
 * was named, {@code aws SecretStore not available} when no provider implements a store type.
 * A provider that failed to load is attached as the cause.
 */
public class NoSuchProviderException extends SecretStoreException {

    /** @param message the JCA-style message */
    public NoSuchProviderException(String message) {
        super(null, null, null, message, null, null);
    }

    /**
     * @param message the JCA-style message
     * @param cause   why a matching provider could not be loaded, may be {@code null}
     */
    public NoSuchProviderException(String message, Throwable cause) {
        super(null, null, null, message, null, cause);
    }

    /**
     * @param message     the JCA-style message
     * @param remediation what is installed and which jar to add, may be {@code null}
     * @param cause       why a matching provider could not be loaded, may be {@code null}
     */
    public NoSuchProviderException(String message, String remediation, Throwable cause) {
        super(null, null, null, message, remediation, cause);
    }

    @Override
    protected String kind() {
        return "no such provider";
    }
}
