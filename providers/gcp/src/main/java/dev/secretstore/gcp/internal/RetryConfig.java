package dev.secretstore.gcp.internal;

import dev.secretstore.ConfigProblem;
import dev.secretstore.spi.StoreConfig;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code retry} config field: {@code maxAttempts}, {@code initialBackoff}, {@code maxBackoff},
 * {@code maxElapsed}. Stands in for {@code secretstore-provider-support}'s {@code RetrySettings} (same field,
 * same defaults) until that module is on main.
 */
record RetryConfig(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {

    static final RetryConfig DEFAULTS = new RetryConfig(4, Duration.ofMillis(200), Duration.ofSeconds(5),
            Duration.ofSeconds(30));
    private static final Set<String> KEYS = Set.of("maxAttempts", "initialBackoff", "maxBackoff", "maxElapsed");
    private static final String FIELD = GcpConfigFields.RETRY;

    static List<ConfigProblem> validate(StoreConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        Object raw = config.raw(FIELD).orElse(null);
        if (raw == null) {
            return problems;
        }
        if (!(raw instanceof Map)) {
            problems.add(ConfigProblem.of(FIELD, "expected an object"));
            return problems;
        }
        Map<?, ?> m = (Map<?, ?>) raw;
        for (Object k : m.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                problems.add(ConfigProblem.of(FIELD + "." + k, "unknown field; expected one of " + KEYS));
            }
        }
        Object attempts = m.get("maxAttempts");
        if (attempts != null) {
            Integer n = StoreConfig.parseInteger(String.valueOf(attempts)).orElse(null);
            if (n == null || n < 1 || n > 20) {
                problems.add(ConfigProblem.of(FIELD + ".maxAttempts", "expected an integer between 1 and 20"));
            }
        }
        for (String d : List.of("initialBackoff", "maxBackoff", "maxElapsed")) {
            Object v = m.get(d);
            if (v != null && duration(v) == null) {
                problems.add(ConfigProblem.of(FIELD + "." + d, "expected a positive ISO-8601 duration such as PT0.2S"));
            }
        }
        return problems;
    }

    static RetryConfig from(StoreConfig config) {
        Object raw = config.raw(FIELD).orElse(null);
        if (!(raw instanceof Map)) {
            return DEFAULTS;
        }
        Map<?, ?> m = (Map<?, ?>) raw;
        int attempts = m.get("maxAttempts") == null ? DEFAULTS.maxAttempts
                : StoreConfig.parseInteger(String.valueOf(m.get("maxAttempts"))).orElse(DEFAULTS.maxAttempts);
        return new RetryConfig(attempts, or(m.get("initialBackoff"), DEFAULTS.initialBackoff),
                or(m.get("maxBackoff"), DEFAULTS.maxBackoff), or(m.get("maxElapsed"), DEFAULTS.maxElapsed));
    }

    private static Duration or(Object v, Duration fallback) {
        Duration d = v == null ? null : duration(v);
        return d == null ? fallback : d;
    }

    private static Duration duration(Object v) {
        try {
            Duration d = Duration.parse(String.valueOf(v));
            return d.isNegative() || d.isZero() ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
