package dev.secretstore;

/**
 * A name breaks the portable naming rules of {@link SecretName} or the provider's limits; the message says which rule.
 *
 * <p>Constructed like its parent: {@code new InvalidSecretNameException(provider, operation, name, detail, remediation, cause)}
 * (all but {@code detail} may be {@code null}) or {@code new InvalidSecretNameException(detail)}. The message never contains a
 * secret value or a credential.
 */
public class InvalidSecretNameException extends InvalidRequestException {

    /**
     * @param provider    provider name
     * @param operation   operation that failed; {@code null} from a provider (the engine sets the one the user called)
     * @param secretName  secret concerned
     * @param detail      what went wrong, without values or credentials
     * @param remediation what the user can do
     * @param cause       underlying exception
     */
    public InvalidSecretNameException(String provider, Operation operation, SecretName secretName,
            String detail, String remediation, Throwable cause) {
        super(provider, operation, secretName, detail, remediation, cause);
    }

    /** @param detail what went wrong, without values or credentials */
    public InvalidSecretNameException(String detail) {
        this(null, null, null, detail, null, null);
    }

    /**
     * @param detail what went wrong, without values or credentials
     * @param cause  underlying exception
     */
    public InvalidSecretNameException(String detail, Throwable cause) {
        this(null, null, null, detail, null, cause);
    }

    @Override
    protected String kind() {
        return "invalid name";
    }
}
