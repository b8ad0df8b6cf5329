package dev.secretstore.support.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 §10.2.3): either a number of seconds or an
 * HTTP-date, into the wait it asks for, to pass to {@link dev.secretstore.StoreUnavailableException}.
 *
 * <pre>{@code
 * Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null))
 *         .orElse(null);
 * throw new ThrottledException("azure", op, name, "429 from Key Vault", Remediations.THROTTLED, e, retryAfter);
 * }</pre>
 */
public final class RetryAfter {

    /** Waits longer than this are read as this: a store asking for hours is effectively unavailable. */
    public static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {
    }

    /**
     * @param headerValue the header's value, may be {@code null}
     * @return the wait, from now by the system clock; empty when absent or unreadable
     */
    public static Optional<Duration> parse(String headerValue) {
        return parse(headerValue, Clock.systemUTC());
    }

    /**
     * @param headerValue the header's value, may be {@code null}
     * @param clock       the clock an HTTP-date is measured against
     * @return the wait: the seconds given, or the time until the date (zero if it has passed), at most
     *     {@link #MAX}; empty when absent or unreadable
     */
    public static Optional<Duration> parse(String headerValue, Clock clock) {
        if (headerValue == null || headerValue.isBlank()) {
            return Optional.empty();
        }
        String v = headerValue.trim();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (v.length() > 9) {
                return Optional.of(MAX);
            }
            return Optional.of(cap(Duration.ofSeconds(Long.parseLong(v))));
        }
        try {
            Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), when);
            return Optional.of(wait.isNegative() ? Duration.ZERO : cap(wait));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * @param seconds a wait in seconds that a service sent elsewhere than in the header (e.g. in an error
     *                body); negative or NaN is ignored
     * @return the wait, at most {@link #MAX}; empty when negative
     */
    public static Optional<Duration> ofSeconds(double seconds) {
        if (!(seconds >= 0)) {
            return Optional.empty();
        }
        return Optional.of(cap(Duration.ofMillis((long) Math.min(seconds * 1000, MAX.toMillis()))));
    }

    private static Duration cap(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
