package dev.secretstore.aws.internal;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.Operation;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
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
        try {
            return policy.call(call, name, attempt::apply);
        } catch (SecretStoreException e) {
            throw withoutOperation(e);
        }
    }

    /**
     * The policy names the service call's operation in what it throws; the engine names the user's (a put's
     * CreateSecret fails a put, not a create), and it fills in only what is absent. So the operation is left
     * for the engine, everything else kept.
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
        if (e.getClass() == ThrottledException.class) {
            copy = new ThrottledException(p, null, n, d, r, c, ((ThrottledException) e).retryAfter().orElse(null));
        } else if (e.getClass() == StoreUnavailableException.class) {
            copy = new StoreUnavailableException(p, null, n, d, r, c,
                    ((StoreUnavailableException) e).retryAfter().orElse(null));
        } else if (e.getClass() == AccessDeniedException.class) {
            copy = new AccessDeniedException(p, null, n, d, r, c);
        } else if (e.getClass() == AuthenticationFailedException.class) {
            copy = new AuthenticationFailedException(p, null, n, d, r, c);
        } else if (e.getClass() == SecretNotFoundException.class) {
            copy = new SecretNotFoundException(p, null, n, d, r, c);
        } else if (e.getClass() == SecretAlreadyExistsException.class) {
            copy = new SecretAlreadyExistsException(p, null, n, d, r, c);
        } else if (e.getClass() == InvalidRequestException.class) {
            copy = new InvalidRequestException(p, null, n, d, r, c);
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
