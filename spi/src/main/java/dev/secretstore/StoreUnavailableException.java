package dev.secretstore;

import java.time.Duration;
import java.util.Optional;

/**
 * A transient failure: network error, 5xx, timeout. Safe to retry; {@link #retryAfter()} carries the
 * server's hint when it sent one.
 */
public class StoreUnavailableException extends SecretStoreException {

    private final Duration retryAfter;

    /**
     * @param provider    provider name
     * @param operation   operation that failed; {@code null} from a provider (the engine sets the one the user called)
     * @param secretName  secret concerned
     * @param detail      what went wrong, without values or credentials
     * @param remediation what the user can do
     * @param cause       underlying exception
     * @param retryAfter  server hint, may be {@code null}
     */
    public StoreUnavailableException(String provider, Operation operation, SecretName secretName,
                                     String detail, String remediation, Throwable cause, Duration retryAfter) {
        super(provider, operation, secretName, detail, remediation, cause);
        this.retryAfter = retryAfter;
    }

    /**
     * @param provider    provider name
     * @param operation   operation that failed; {@code null} from a provider (the engine sets the one the user called)
     * @param secretName  secret concerned
     * @param detail      what went wrong, without values or credentials
     * @param remediation what the user can do
     * @param cause       underlying exception
     */
    public StoreUnavailableException(String provider, Operation operation, SecretName secretName,
                                     String detail, String remediation, Throwable cause) {
        this(provider, operation, secretName, detail, remediation, cause, null);
    }

    /** @param detail what went wrong */
    public StoreUnavailableException(String detail) {
        this(null, null, null, detail, null, null, null);
    }

    /**
     * @param detail what went wrong
     * @param cause  underlying exception
     */
    public StoreUnavailableException(String detail, Throwable cause) {
        this(null, null, null, detail, null, cause, null);
    }

    /** @return how long the server asked to wait, if it said */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    protected String kind() {
        return "unavailable";
    }
}
