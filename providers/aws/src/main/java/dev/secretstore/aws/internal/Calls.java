package dev.secretstore.aws.internal;

import dev.secretstore.Operation;
import dev.secretstore.SecretName;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs one service call under the one retry policy. Each attempt is given the same idempotency token, which
 * write calls send as {@code ClientRequestToken}, so a retried write never makes a second secret or version.
 * The attempt maps SDK failures to the typed exceptions itself: the policy retries only
 * {@link dev.secretstore.StoreUnavailableException} (throttling included).
 */
interface Calls {

    <T> T call(Operation operation, SecretName name, Function<String, T> attempt);

    /** @return the attempts one call makes at most under a transient fault */
    int maxAttempts();

    /** Until the shared policy is wired in: one attempt, with a fresh token per call. */
    static Calls singleAttempt() {
        return new Calls() {
            @Override
            public <T> T call(Operation operation, SecretName name, Function<String, T> attempt) {
                return attempt.apply(UUID.randomUUID().toString());
            }

            @Override
            public int maxAttempts() {
                return 1;
            }
        };
    }
}
