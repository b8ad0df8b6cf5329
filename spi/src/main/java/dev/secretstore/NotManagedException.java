package dev.secretstore;

/**
 * The secret exists but does not carry {@code <managedTagKey>=true}; the engine refuses to overwrite or delete it and changes nothing.
 *
 * <p>Constructed like its parent: {@code new NotManagedException(provider, operation, name, detail, remediation, cause)}
 * (all but {@code detail} may be {@code null}) or {@code new NotManagedException(detail)}. The message never contains a
 * secret value or a credential.
 */
public class NotManagedException extends SecretStoreException {

    /**
     * @param provider    provider name
     * @param operation   operation that failed; {@code null} from a provider (the engine sets the one the user called)
     * @param secretName  secret concerned
     * @param detail      what went wrong, without values or credentials
     * @param remediation what the user can do
     * @param cause       underlying exception
     */
    public NotManagedException(String provider, Operation operation, SecretName secretName,
            String detail, String remediation, Throwable cause) {
        super(provider, operation, secretName, detail, remediation, cause);
    }

    /** @param detail what went wrong, without values or credentials */
    public NotManagedException(String detail) {
        this(null, null, null, detail, null, null);
    }

    /**
     * @param detail what went wrong, without values or credentials
     * @param cause  underlying exception
     */
    public NotManagedException(String detail, Throwable cause) {
        this(null, null, null, detail, null, cause);
    }

    @Override
    protected String kind() {
        return "refused: not managed";
    }
}
