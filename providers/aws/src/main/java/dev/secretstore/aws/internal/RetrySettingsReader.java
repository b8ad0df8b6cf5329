package dev.secretstore.aws.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Reads the shared {@code retry} config field. */
final class RetrySettingsReader {

    static final int DEFAULT_MAX_ATTEMPTS = 4;

    private RetrySettingsReader() {
    }

    static Optional<Duration> duration(Object value) {
        if (!(value instanceof String)) {
            return Optional.empty();
        }
        try {
            Duration d = Duration.parse((String) value);
            return d.isNegative() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static int maxAttempts(Object retryField) {
        if (retryField instanceof Map && ((Map<?, ?>) retryField).get("maxAttempts") instanceof Number) {
            return ((Number) ((Map<?, ?>) retryField).get("maxAttempts")).intValue();
        }
        return DEFAULT_MAX_ATTEMPTS;
    }
}
