package dev.secretstore.gcp.internal;

import dev.secretstore.StoreUnavailableException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs one store call under the retry settings: retries only {@link StoreUnavailableException} (throttling
 * included), with exponential backoff and full jitter, at least the server's retry delay, at most
 * {@code maxAttempts} attempts. Every other failure ends the call after one attempt. Stands in for
 * {@code secretstore-provider-support}'s {@code RetryPolicy} (same semantics) until that module is on main;
 * the Google client's own retries are off, so attempts never multiply.
 */
final class CallRetrier {

    private final RetryConfig settings;

    CallRetrier(RetryConfig settings) {
        this.settings = settings;
    }

    int maxAttempts() {
        return settings.maxAttempts();
    }

    <T> T call(IntFunctionCall<T> attempt) {
        int[] number = {0};
        IntervalBiFunction<Object> interval = (n, outcome) -> {
            long cap = Math.min(settings.maxBackoff().toMillis(),
                    settings.initialBackoff().toMillis() << Math.min(n - 1, 20));
            long wait = ThreadLocalRandom.current().nextLong(cap + 1);
            if (outcome.isLeft() && outcome.getLeft() instanceof StoreUnavailableException) {
                wait = Math.max(wait, ((StoreUnavailableException) outcome.getLeft()).retryAfter()
                        .map(Duration::toMillis).orElse(0L));
            }
            return wait;
        };
        Retry retry = Retry.of("gcp", io.github.resilience4j.retry.RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof StoreUnavailableException)
                .intervalBiFunction(interval)
                .build());
        Supplier<T> decorated = Retry.decorateSupplier(retry, () -> attempt.apply(++number[0]));
        return decorated.get();
    }

    /** One attempt; {@code number} counts from 1. */
    @FunctionalInterface
    interface IntFunctionCall<T> {
        T apply(int number);
    }
}
