package dev.secretstore.gcp.internal;

import com.google.api.gax.rpc.ApiException;
import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.Operation;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretIntegrityException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.support.retry.RetryPolicy;
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
    <T> T call(Operation call, GcpRpc rpc, SecretName name, String resource, Supplier<T> body) {
        try {
            return policy.call(call, name, attempt -> {
                try {
                    return body.get();
                } catch (ApiException e) {
                    throw errors.map(e, rpc, name, resource);
                }
            });
        } catch (SecretStoreException e) {
            throw withoutOperation(e);
        }
    }

    /**
     * The policy names the service call's operation in what it throws; the engine names the user's (the CreateSecret
     * of a put fails a put), and it only fills in what is absent. So the operation is left to the engine: the same
     * exception, rebuilt without it (stack trace, suppressed failures and cause kept).
     */
    static SecretStoreException withoutOperation(SecretStoreException e) {
        if (e.operation().isEmpty()) {
            return e;
        }
        String p = e.provider();
        SecretName n = e.secretName().orElse(null);
        String d = e.detail();
        String r = e.remediation().orElse(null);
        Throwable c = e.getCause();
        SecretStoreException copy;
        Class<?> type = e.getClass();
        if (type == ThrottledException.class) {
            copy = new ThrottledException(p, null, n, d, r, c, ((ThrottledException) e).retryAfter().orElse(null));
        } else if (type == StoreUnavailableException.class) {
            copy = new StoreUnavailableException(p, null, n, d, r, c, ((StoreUnavailableException) e).retryAfter().orElse(null));
        } else if (type == AccessDeniedException.class) {
            copy = new AccessDeniedException(p, null, n, d, r, c);
        } else if (type == AuthenticationFailedException.class) {
            copy = new AuthenticationFailedException(p, null, n, d, r, c);
        } else if (type == SecretNotFoundException.class) {
            copy = new SecretNotFoundException(p, null, n, d, r, c);
        } else if (type == SecretAlreadyExistsException.class) {
            copy = new SecretAlreadyExistsException(p, null, n, d, r, c);
        } else if (type == InvalidRequestException.class) {
            copy = new InvalidRequestException(p, null, n, d, r, c);
        } else if (type == SecretIntegrityException.class) {
            copy = new SecretIntegrityException(p, null, n, d, r, ((SecretIntegrityException) e).location().orElse(null), c);
        } else if (type == SecretStoreException.class) {
            copy = new SecretStoreException(p, null, n, d, r, c);
        } else {
            return e;
        }
        copy.setStackTrace(e.getStackTrace());
        for (Throwable s : e.getSuppressed()) {
            copy.addSuppressed(s);
        }
        return copy;
    }
}
