package dev.secretstore.azure.internal;

import dev.secretstore.StoreUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Interim: retries {@link StoreUnavailableException} (throttling included), honouring its {@code retryAfter},
 * with exponential backoff and bounded attempts and time. To be replaced by the provider-support module's
 * {@code RetryPolicy} (the one policy every provider shares) as soon as it is on main; its settings are the
 * same {@code retry} config object.
 */
public final class InterimRetry {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxElapsed;

    InterimRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxElapsed = maxElapsed;
    }

    /** Reads the {@code retry} object: maxAttempts, initialBackoff, maxBackoff, maxElapsed (ISO-8601). */
    static InterimRetry from(Optional<Object> raw) {
        int attempts = 4;
        Duration initial = Duration.ofMillis(200);
        Duration max = Duration.ofSeconds(5);
        Duration elapsed = Duration.ofSeconds(30);
        if (raw.isPresent() && raw.get() instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) raw.get();
            if (m.get("maxAttempts") != null) {
                attempts = Integer.parseInt(String.valueOf(m.get("maxAttempts")).trim());
            }
            initial = duration(m.get("initialBackoff"), initial);
            max = duration(m.get("maxBackoff"), max);
            elapsed = duration(m.get("maxElapsed"), elapsed);
        }
        return new InterimRetry(attempts, initial, max, elapsed);
    }

    private static Duration duration(Object v, Duration fallback) {
        return v == null ? fallback : Duration.parse(String.valueOf(v).trim());
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    <T> T call(Supplier<T> attempt) {
        long deadline = System.nanoTime() + maxElapsed.toNanos();
        Duration backoff = initialBackoff;
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (StoreUnavailableException e) {
                Duration wait = e.retryAfter().orElse(jittered(backoff));
                if (n >= maxAttempts || System.nanoTime() + wait.toNanos() > deadline) {
                    throw e;
                }
                sleep(wait);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private static Duration jittered(Duration d) {
        long ms = Math.max(1, d.toMillis());
        return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting to retry");
        }
    }
}
