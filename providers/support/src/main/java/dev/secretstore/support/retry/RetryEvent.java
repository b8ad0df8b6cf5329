package dev.secretstore.support.retry;

import dev.secretstore.Operation;
import dev.secretstore.SecretName;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One failed attempt of a retryable kind (throttled or unavailable): which provider, operation and secret,
 * which attempt, why, and how long the policy waits before the next one ({@link #willRetry()} false when
 * it gives up). Immutable; {@link #toString()} names the secret, never a value or the failure's detail.
 */
public final class RetryEvent {

    /** Why an attempt failed, as far as retrying is concerned. */
    public enum CauseKind {
        /** The store refused the request because of rate limiting ({@link dev.secretstore.ThrottledException}). */
        THROTTLED,
        /** The store could not be reached or answered with a server error, a reset or a timeout. */
        UNAVAILABLE
    }

    private final String provider;
    private final Operation operation;
    private final SecretName secretName;
    private final int attempt;
    private final CauseKind causeKind;
    private final Duration delay;
    private final boolean willRetry;

    /**
     * @param provider   provider name
     * @param operation  the operation
     * @param secretName the secret, or {@code null} for operations on no single secret (list)
     * @param attempt    the number of the attempt that failed, from 1
     * @param causeKind  why it failed
     * @param delay      the wait before the next attempt ({@link Duration#ZERO} when none follows)
     * @param willRetry  whether another attempt follows
     */
    public RetryEvent(String provider, Operation operation, SecretName secretName, int attempt, CauseKind causeKind,
                      Duration delay, boolean willRetry) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.secretName = secretName;
        this.attempt = attempt;
        this.causeKind = Objects.requireNonNull(causeKind, "causeKind");
        this.delay = Objects.requireNonNull(delay, "delay");
        this.willRetry = willRetry;
    }

    /** @return the provider's name */
    public String provider() {
        return provider;
    }

    /** @return the operation */
    public Operation operation() {
        return operation;
    }

    /** @return the secret concerned, if the operation concerns one */
    public Optional<SecretName> secretName() {
        return Optional.ofNullable(secretName);
    }

    /** @return the number of the attempt that failed, 1 for the first */
    public int attempt() {
        return attempt;
    }

    /** @return why it failed */
    public CauseKind causeKind() {
        return causeKind;
    }

    /** @return the wait before the next attempt; zero when {@link #willRetry()} is false */
    public Duration delay() {
        return delay;
    }

    /** @return whether another attempt follows; false on the last failed attempt */
    public boolean willRetry() {
        return willRetry;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RetryEvent)) {
            return false;
        }
        RetryEvent e = (RetryEvent) o;
        return provider.equals(e.provider) && operation == e.operation && Objects.equals(secretName, e.secretName)
                && attempt == e.attempt && causeKind == e.causeKind && delay.equals(e.delay) && willRetry == e.willRetry;
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, operation, secretName, attempt, causeKind, delay, willRetry);
    }

    /** @return e.g. {@code aws put 'db/password' attempt 1 throttled, retry in 143 ms} */
    @Override
    public String toString() {
        return provider + " " + operation.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (secretName == null ? "" : " '" + secretName.value() + "'")
                + " attempt " + attempt + " " + causeKind.name().toLowerCase(Locale.ROOT)
                + (willRetry ? ", retry in " + delay.toMillis() + " ms" : ", giving up");
    }
}
