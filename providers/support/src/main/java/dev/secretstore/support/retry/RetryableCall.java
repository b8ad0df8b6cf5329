package dev.secretstore.support.retry;

/**
 * One attempt of a store operation, run (and re-run) by {@link RetryPolicy#call}. It reports a transient
 * failure by throwing {@link dev.secretstore.StoreUnavailableException} (or its subclass
 * {@link dev.secretstore.ThrottledException}, with the server's {@code Retry-After} where it sent one);
 * anything else it throws ends the call at once.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface RetryableCall<T> {

    /**
     * @param attempt the attempt's number and the call's idempotency token
     * @return the result
     */
    T attempt(Attempt attempt);
}
