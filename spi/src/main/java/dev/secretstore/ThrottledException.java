package dev.secretstore;

import java.time.Duration;

/** The store rejected the request because of rate limiting (HTTP 429, ThrottlingException). Transient. */
public class ThrottledException extends StoreUnavailableException {

    /**
     * @param provider    provider name
     * @param operation   operation that failed; {@code null} from a provider (the engine sets the one the user called)
     * @param secretName  secret concerned
     * @param detail      what went wrong
     * @param remediation what the user can do
     * @param cause       underlying exception
     * @param retryAfter  server hint, may be {@code null}
     */
    public ThrottledException(String provider, Operation operation, SecretName secretName,
                              String detail, String remediation, Throwable cause, Duration retryAfter) {
        super(provider, operation, secretName, detail, remediation, cause, retryAfter);
    }

    /** @param detail what went wrong */
    public ThrottledException(String detail) {
        this(null, null, null, detail, null, null, null);
    }

    @Override
    protected String kind() {
        return "throttled";
    }
}
