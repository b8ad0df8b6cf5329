package dev.secretstore.support.retry;

import dev.secretstore.Operation;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The one retry policy of the cloud providers, on resilience4j-retry. It retries an attempt only when it
 * throws {@link StoreUnavailableException} (throttled, 5xx, reset, timeout; {@link ThrottledException} is
 * one); every other failure — denied, authentication failed, not found, already exists, invalid request,
 * anything unexpected — ends the call at once, after one attempt. Between attempts it waits with
 * exponential backoff and full jitter ({@link RetrySettings}), at least as long as the server's
 * {@link StoreUnavailableException#retryAfter() Retry-After}; it never makes more than
 * {@link RetrySettings#maxAttempts()} attempts, and gives up at once when the next wait would end after
 * {@link RetrySettings#maxElapsed()} from the start of the call.
 *
 * <pre>{@code
 * RetryPolicy retry = RetryPolicy.create("aws", RetrySettings.from(config));   // once per store
 * SecretMetadata m = retry.call(Operation.CREATE, name, attempt -> {
 *     try {
 *         return toMetadata(client.createSecret(b -> b.name(codec.encode(name))
 *                 .clientRequestToken(attempt.idempotencyToken())            // one token per logical write
 *                 .secretString(value.text())));
 *     } catch (SdkException e) {
 *         throw errors.map(e, Operation.CREATE, name);   // StoreUnavailableException for 5xx/throttling/...
 *     }
 * });
 * }</pre>
 *
 * <p>The SDK's own retries must be off (attempts would multiply). Each call gets one random idempotency
 * token, the same on each of its attempts ({@link Attempt#idempotencyToken()}), so that a write whose
 * response was lost and is sent again is recognised by the store as the same request. Every failed
 * attempt of a retryable kind is reported to the {@link #withListener listeners} as a {@link RetryEvent}.
 *
 * <p>When it gives up, the last exception is thrown, typed as the attempt threw it, with the provider,
 * operation and name filled in where the thrower left them out; a plain {@link StoreUnavailableException}
 * or {@link ThrottledException} is re-thrown as a copy whose detail also says how many attempts were made
 * (with the same stack trace, cause and remediation, the earlier attempts' failures attached as
 * suppressed). Immutable and thread-safe.
 */
public final class RetryPolicy {

    private static final System.Logger LOG = System.getLogger(RetryPolicy.class.getName());

    private final String provider;
    private final RetrySettings settings;
    private final List<RetryListener> listeners;
    private final Backoff backoff;
    private final RetryConfig template;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final DoubleSupplier random;

    private RetryPolicy(String provider, RetrySettings settings, List<RetryListener> listeners, Sleeper sleeper,
                        LongSupplier nanoTime, DoubleSupplier random) {
        this.provider = provider;
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
        this.backoff = new Backoff(settings);
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.random = random;
        // resilience4j decides whether to retry (the exception's type, the attempt count) and when (the
        // interval function, per call, below); the policy runs the attempts and waits.
        this.template = RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof StoreUnavailableException)
                .build();
    }

    /**
     * @param providerName the provider's name, for events and exceptions, e.g. {@code "aws"}
     * @param settings     the settings, usually {@link RetrySettings#from(dev.secretstore.spi.StoreConfig)}
     * @return a policy without listeners
     */
    public static RetryPolicy create(String providerName, RetrySettings settings) {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(settings, "settings");
        return new RetryPolicy(providerName, settings, List.of(), Sleeper.THREAD_SLEEP, System::nanoTime,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param listener a listener to add
     * @return a new policy with the same settings and this listener after the existing ones; this policy
     *     is unchanged
     */
    public RetryPolicy withListener(RetryListener listener) {
        List<RetryListener> more = new ArrayList<>(listeners);
        more.add(Objects.requireNonNull(listener, "listener"));
        return new RetryPolicy(provider, settings, more, sleeper, nanoTime, random);
    }

    /** Test hook: waits with {@code sleeper} instead of {@link Thread#sleep}. */
    RetryPolicy withSleeper(Sleeper sleeper) {
        return new RetryPolicy(provider, settings, listeners, Objects.requireNonNull(sleeper), nanoTime, random);
    }

    /** Test hook: measures elapsed time with {@code nanoTime} instead of {@link System#nanoTime()}. */
    RetryPolicy withNanoTime(LongSupplier nanoTime) {
        return new RetryPolicy(provider, settings, listeners, sleeper, Objects.requireNonNull(nanoTime), random);
    }

    /** Test hook: draws the jitter from {@code random} (values in [0, 1)). */
    RetryPolicy withRandom(DoubleSupplier random) {
        return new RetryPolicy(provider, settings, listeners, sleeper, nanoTime, Objects.requireNonNull(random));
    }

    /** @return the provider name given to {@link #create} */
    public String providerName() {
        return provider;
    }

    /** @return the settings */
    public RetrySettings settings() {
        return settings;
    }

    /**
     * Runs {@code call} until an attempt succeeds, fails for a reason that is not transient, or the policy
     * gives up.
     *
     * @param operation  the operation, for events and exceptions
     * @param secretName the secret concerned, or {@code null} (list)
     * @param call       one attempt
     * @param <T>        the result
     * @return the first successful attempt's result
     * @throws StoreUnavailableException the last attempt's, when the policy gave up (a {@link ThrottledException}
     *                                   if that attempt was throttled)
     * @throws RuntimeException          whatever else an attempt threw, at once
     */
    public <T> T call(Operation operation, SecretName secretName, RetryableCall<T> call) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(call, "call");
        CallState state = new CallState(nanoTime.getAsLong());
        // resilience4j's per-call state is made at the first failure: most calls succeed at once, and for those
        // building it (config copy, predicates, event processor) was a measurable share of a read's CPU.
        Retry.AsyncContext<T> context = null;
        for (int number = 1; ; number++) {
            T result;
            try {
                result = call.attempt(new Attempt(number, state::token));
            } catch (RuntimeException failure) {
                if (context == null) {
                    context = Retry.of(provider + "-" + operation, RetryConfig.<T>from(template)
                            .intervalBiFunction(state::intervalMillis)
                            .build()).asyncContext();
                }
                long waitMillis = context.onError(failure); // negative: do not retry
                if (!(failure instanceof StoreUnavailableException)) {
                    throw withContext(failure, operation, secretName);
                }
                StoreUnavailableException transientFailure = (StoreUnavailableException) failure;
                boolean again = waitMillis >= 0;
                publish(new RetryEvent(provider, operation, secretName, number, kindOf(transientFailure),
                        again ? Duration.ofMillis(waitMillis) : Duration.ZERO, again));
                if (!again) {
                    throw givenUp(transientFailure, operation, secretName, number, state);
                }
                state.earlier.add(transientFailure);
                try {
                    sleeper.sleep(Duration.ofMillis(waitMillis));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    state.stopReason = "interrupted while waiting to retry";
                    state.earlier.remove(transientFailure);
                    throw givenUp(transientFailure, operation, secretName, number, state);
                }
                continue;
            }
            if (context != null) {
                context.onComplete();
            }
            return result;
        }
    }

    private static RetryEvent.CauseKind kindOf(StoreUnavailableException e) {
        return e instanceof ThrottledException ? RetryEvent.CauseKind.THROTTLED : RetryEvent.CauseKind.UNAVAILABLE;
    }

    private void publish(RetryEvent event) {
        for (RetryListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "retry listener " + listener.getClass().getName() + " failed with "
                        + e.getClass().getName() + "; ignored");
            }
        }
    }

    private RuntimeException withContext(RuntimeException e, Operation operation, SecretName name) {
        if (e instanceof SecretStoreException) {
            ((SecretStoreException) e).withContext(provider, operation, name);
        }
        return e;
    }

    private StoreUnavailableException givenUp(StoreUnavailableException last, Operation operation, SecretName name,
                                              int attempts, CallState state) {
        last.withContext(provider, operation, name);
        String reason = state.stopReason;
        if (reason == null) {
            reason = attempts >= settings.maxAttempts() ? "retry.maxAttempts is " + settings.maxAttempts() : null;
        }
        if (attempts == 1 && reason == null) {
            return last;
        }
        Class<?> type = last.getClass();
        if (type != StoreUnavailableException.class && type != ThrottledException.class) {
            return last; // a provider's own subclass: its type matters more than the extra detail
        }
        String detail = (last.detail().isEmpty() ? "" : last.detail() + "; ") + "gave up after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + (reason == null ? "" : " (" + reason + ")");
        String remediation = last.remediation().orElse(null);
        SecretName secret = last.secretName().orElse(null);
        Operation op = last.operation().orElse(operation);
        Duration retryAfter = last.retryAfter().orElse(null);
        StoreUnavailableException copy = type == ThrottledException.class
                ? new ThrottledException(last.provider(), op, secret, detail, remediation, last.getCause(), retryAfter)
                : new StoreUnavailableException(last.provider(), op, secret, detail, remediation, last.getCause(), retryAfter);
        copy.setStackTrace(last.getStackTrace());
        state.earlier.forEach(copy::addSuppressed);
        for (Throwable s : last.getSuppressed()) {
            copy.addSuppressed(s);
        }
        return copy;
    }

    /** What one call keeps between its attempts. */
    private final class CallState {
        final long startNanos;
        final List<StoreUnavailableException> earlier = new ArrayList<>();
        String stopReason;
        // One call's attempts run one after another on the caller's thread; volatile in case an attempt hands
        // its Attempt to another thread.
        private volatile String token;

        CallState(long startNanos) {
            this.startNanos = startNanos;
        }

        /** The call's idempotency token, drawn the first time an attempt asks for it. */
        synchronized String token() {
            if (token == null) {
                token = UUID.randomUUID().toString();
            }
            return token;
        }

        /** resilience4j's interval function: the wait after {@code failedAttempts}, or -1 to give up now. */
        <T> Long intervalMillis(Integer failedAttempts, Either<Throwable, T> outcome) {
            Throwable failure = outcome.isLeft() ? outcome.getLeft() : null;
            Optional<Duration> retryAfter = failure instanceof StoreUnavailableException
                    ? ((StoreUnavailableException) failure).retryAfter() : Optional.empty();
            long wait = backoff.delayMillis(failedAttempts, retryAfter, random.getAsDouble());
            long elapsedMillis = Duration.ofNanos(nanoTime.getAsLong() - startNanos).toMillis();
            long budget = settings.maxElapsed().toMillis() - elapsedMillis;
            if (wait > budget) {
                stopReason = "the next wait, " + wait + " ms, would pass retry.maxElapsed " + settings.maxElapsed();
                return -1L;
            }
            return wait;
        }
    }
}
