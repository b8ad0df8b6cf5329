package dev.secretstore.support.retry;

/**
 * Observes every failed attempt that {@link RetryPolicy} considered for a retry, for logs, metrics and
 * tests. Called on the calling thread, before the wait; keep it quick. An exception it throws is logged
 * (its class only) and otherwise ignored: observing never changes the outcome of a call.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.create("aws", settings)
 *         .withListener(e -> log.info("{}", e));   // aws put 'db/password' attempt 1 throttled, retry in 143 ms
 * }</pre>
 */
@FunctionalInterface
public interface RetryListener {

    /** @param event the failed attempt, and whether and when it is retried */
    void onEvent(RetryEvent event);
}
