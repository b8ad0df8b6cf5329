package dev.secretstore;

/**
 * {@code create} of a secret that already exists (possibly scheduled for deletion).
 *
 * <p>Constructed like its parent: {@code new SecretAlreadyExistsException(provider, operation, name, detail, remediation, cause)}
 * (all but {@code detail} may be {@code null}) or {@code new SecretAlreadyExistsException(detail)}. The message never contains a
 * secret value or a credential.
 */
public class SecretAlreadyExistsException extends SecretStoreException {

    /**
     * @param provider    provider name
     * @param operation   operation that failed; {@code null} from a provider (the engine sets the one the user called)
     * @param secretName  secret concerned
     * @param detail      what went wrong, without values or credentials
     * @param remediation what the user can do
     * @param cause       underlying exception
     */
    public SecretAlreadyExistsException(String provider, Operation operation, SecretName secretName,
            String detail, String remediation, Throwable cause) {
        super(provider, operation, secretName, detail, remediation, cause);
    }

    /** @param detail what went wrong, without values or credentials */
    public SecretAlreadyExistsException(String detail) {
        this(null, null, null, detail, null, null);
    }

    /**
     * @param detail what went wrong, without values or credentials
     * @param cause  underlying exception
     */
    public SecretAlreadyExistsException(String detail, Throwable cause) {
        this(null, null, null, detail, null, cause);
    }

    @Override
    protected String kind() {
        return "already exists";
    }
}
