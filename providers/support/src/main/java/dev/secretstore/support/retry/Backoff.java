package dev.secretstore.support.retry;

import java.time.Duration;
import java.util.Optional;

/**
 * Exponential backoff with full jitter: after the n-th failed attempt the wait is drawn uniformly from
 * {@code [0, min(maxBackoff, initialBackoff * 2^(n-1))]}, then raised to the server's {@code Retry-After}
 * when it asked for longer. Full jitter spreads the clients a throttling store sees at once, which equal
 * waits would keep in step.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;

    Backoff(RetrySettings settings) {
        this.initialMillis = settings.initialBackoff().toMillis();
        this.maxMillis = settings.maxBackoff().toMillis();
    }

    /**
     * @param failedAttempt the attempt that failed, from 1
     * @return the upper bound of the computed wait after it
     */
    long ceilingMillis(int failedAttempt) {
        long ceiling = initialMillis;
        for (int i = 1; i < failedAttempt && ceiling < maxMillis; i++) {
            ceiling *= 2; // no overflow: it stops doubling once past maxMillis (at most 5 minutes)
        }
        return Math.min(ceiling, maxMillis);
    }

    /**
     * @param failedAttempt the attempt that failed, from 1
     * @param retryAfter    the server's hint, if any
     * @param unitRandom    a number in [0, 1)
     * @return the wait in milliseconds
     */
    long delayMillis(int failedAttempt, Optional<Duration> retryAfter, double unitRandom) {
        long ceiling = ceilingMillis(failedAttempt);
        long jittered = Math.min(ceiling, (long) Math.floor(unitRandom * (ceiling + 1)));
        long hinted = retryAfter.filter(d -> !d.isNegative()).map(Backoff::ceilToMillis).orElse(0L);
        return Math.max(jittered, hinted);
    }

    private static long ceilToMillis(Duration d) {
        try {
            long millis = d.toMillis();
            return d.minusMillis(millis).isZero() ? millis : millis + 1;
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
