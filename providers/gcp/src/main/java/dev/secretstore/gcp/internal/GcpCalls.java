package dev.secretstore.gcp.internal;

import com.google.api.gax.rpc.ApiException;
import dev.secretstore.Operation;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.support.retry.RetryPolicy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one Secret Manager call under the one retry policy: each attempt maps the client's failure to the typed
 * exception first (by status code), then the policy decides (it retries only {@link StoreUnavailableException}).
 */
final class GcpCalls {

    private final RetryPolicy policy;
    private final GcpErrors errors;

    GcpCalls(RetryPolicy policy, GcpErrors errors) {
        this.policy = policy;
        this.errors = errors;
    }

    int maxAttempts() {
        return policy.settings().maxAttempts();
    }

    /**
     * @param call     the service call's own operation, for the policy's events (a GetSecret inside a put is DESCRIBE)
     * @param rpc      the method, for messages and the permission a denial names
     * @param name     the secret concerned, or {@code null}
     * @param resource the resource name, for messages
     */
    /**
     * A call that is not idempotent (CreateSecret, DeleteSecret): after an attempt that failed in a way that leaves
     * open whether the server applied it (UNAVAILABLE, DEADLINE_EXCEEDED, ...: a lost response), a later attempt's
     * failure is first offered to {@code afterLostResponse}, which may recognise the outcome of the applied attempt
     * (its own secret; the secret already gone) and return the result. A throttled attempt was refused before it was
     * applied, so it does not count.
     */
    <T> T callNotIdempotent(Operation call, GcpRpc rpc, SecretName name, String resource, Supplier<T> body,
            Function<ApiException, Optional<T>> afterLostResponse) {
        AtomicBoolean mayHaveApplied = new AtomicBoolean();
        return policy.call(call, name, attempt -> {
            try {
                return body.get();
            } catch (ApiException e) {
                if (mayHaveApplied.get()) {
                    Optional<T> outcome = afterLostResponse.apply(e);
                    if (outcome.isPresent()) {
                        return outcome.get();
                    }
                }
                SecretStoreException mapped = errors.map(e, rpc, name, resource);
                if (mapped instanceof StoreUnavailableException && !(mapped instanceof ThrottledException)) {
                    mayHaveApplied.set(true);
                }
                throw mapped;
            }
        });
    }

    <T> T call(Operation call, GcpRpc rpc, SecretName name, String resource, Supplier<T> body) {
        // The policy names the service call's operation; the engine replaces it with the user's.
        return policy.call(call, name, attempt -> {
            try {
                return body.get();
            } catch (ApiException e) {
                throw errors.map(e, rpc, name, resource);
            }
        });
    }

}
