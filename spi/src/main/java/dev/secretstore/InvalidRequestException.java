package dev.secretstore;

/**
 * Bad input detected before any I/O (for example a user tag spoofing the managed tag).
 *
 * <p>Constructed like its parent: {@code new InvalidRequestException(provider, operation, name, detail, remediation, cause)}
 * (all but {@code detail} may be {@code null}) or {@code new InvalidRequestException(detail)}. The message never contains a
 * secret value or a credential.
 */
public class InvalidRequestException extends SecretStoreException {

    /**
     * @param provider    provider name
     * @param operation   operation that failed; {@code null} from a provider (the engine sets the one the user called)
     * @param secretName  secret concerned
     * @param detail      what went wrong, without values or credentials
     * @param remediation what the user can do
     * @param cause       underlying exception
     */
    public InvalidRequestException(String provider, Operation operation, SecretName secretName,
            String detail, String remediation, Throwable cause) {
        super(provider, operation, secretName, detail, remediation, cause);
    }

    /** @param detail what went wrong, without values or credentials */
    public InvalidRequestException(String detail) {
        this(null, null, null, detail, null, null);
    }

    /**
     * @param detail what went wrong, without values or credentials
     * @param cause  underlying exception
     */
    public InvalidRequestException(String detail, Throwable cause) {
        this(null, null, null, detail, null, cause);
    }

    @Override
    protected String kind() {
        return "invalid request";
    }
}
