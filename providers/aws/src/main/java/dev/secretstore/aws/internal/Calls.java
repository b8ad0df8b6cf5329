package dev.secretstore.aws.internal;

import dev.secretstore.Operation;
import dev.secretstore.SecretName;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.support.retry.Attempt;
import dev.secretstore.support.retry.RetryPolicy;
import java.util.function.Function;

/**
 * Runs one service call under the one retry policy. Each attempt is given the same idempotency token, which
 * write calls send as {@code ClientRequestToken}, so a retried write never makes a second secret or version.
 * The attempt maps SDK failures to the typed exceptions itself: the policy retries only
 * {@link dev.secretstore.StoreUnavailableException} (throttling included), never a denial.
 */
final class Calls {

    private final RetryPolicy policy;

    Calls(RetryPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param call      the service call's own operation, for the policy's events (a DescribeSecret inside a put
     *                  is {@code DESCRIBE} here)
     * @param name      the secret concerned, or {@code null}
     * @param attempt   one attempt, given the call's idempotency token
     * @return the first successful attempt's result
     */
    <T> T call(Operation call, SecretName name, Function<String, T> attempt) {
        return callWithAttempt(call, name, a -> attempt.apply(a.idempotencyToken()));
    }

    /** As {@link #call}, for calls that need to know whether this is a retry. */
    <T> T callWithAttempt(Operation call, SecretName name, Function<Attempt, T> attempt) {
        // The policy names the service call's operation; the engine replaces it with the user's.
        return policy.call(call, name, attempt::apply);
    }

}
