package dev.secretstore.support.retry;

import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.spi.ConfigChecks;
import dev.secretstore.spi.StoreConfig;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and checks the {@code retry} object of a store config; no message quotes a value given. */
final class RetryConfigReader {

    static final int MAX_ATTEMPTS = 10;
    static final Duration MIN_DURATION = Duration.ofMillis(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final Duration MAX_ELAPSED = Duration.ofHours(1);

    static final String MAX_ATTEMPTS_KEY = "maxAttempts";
    static final String INITIAL_BACKOFF_KEY = "initialBackoff";
    static final String MAX_BACKOFF_KEY = "maxBackoff";
    static final String MAX_ELAPSED_KEY = "maxElapsed";
    static final List<String> KEYS = List.of(MAX_ATTEMPTS_KEY, INITIAL_BACKOFF_KEY, MAX_BACKOFF_KEY, MAX_ELAPSED_KEY);

    static final ConfigField FIELD_DECLARATION = ConfigField.builder(RetrySettings.FIELD)
            .type(ConfigField.Type.OBJECT)
            .description("retry of throttled or unavailable calls: {\"maxAttempts\": 4, \"initialBackoff\": \"PT0.2S\", "
                    + "\"maxBackoff\": \"PT5S\", \"maxElapsed\": \"PT30S\"} (each optional; these are the defaults)")
            .build();

    private static final String DURATION_EXAMPLE = "an ISO-8601 duration such as PT0.2S";

    private RetryConfigReader() {
    }

    static List<ConfigProblem> validate(StoreConfig config) {
        Optional<Object> raw = config.raw(RetrySettings.FIELD);
        if (raw.isEmpty()) {
            return List.of();
        }
        if (!(raw.get() instanceof Map)) {
            return List.of(ConfigProblem.of(RetrySettings.FIELD, "expected an object with any of " + String.join(", ", KEYS)));
        }
        Map<?, ?> map = (Map<?, ?>) raw.get();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Object key : map.keySet()) {
            if (!(key instanceof String) || !KEYS.contains(key)) {
                String k = String.valueOf(key);
                problems.add(ConfigChecks.unknownField(path(k), k, KEYS));
            }
        }
        Parsed p = parse(map, problems);
        if (problems.isEmpty()) {
            problems.addAll(check(p.maxAttempts, p.initialBackoff, p.maxBackoff, p.maxElapsed));
        }
        return problems;
    }

    static RetrySettings read(StoreConfig config) {
        Optional<Object> raw = config.raw(RetrySettings.FIELD);
        if (raw.isEmpty()) {
            return RetrySettings.defaults();
        }
        List<ConfigProblem> ignored = new ArrayList<>();
        Parsed p = parse((Map<?, ?>) raw.get(), ignored);
        return RetrySettings.builder().maxAttempts(p.maxAttempts).initialBackoff(p.initialBackoff)
                .maxBackoff(p.maxBackoff).maxElapsed(p.maxElapsed).build();
    }

    /** The range checks shared by the config and the builder, in the config's terms. */
    static List<ConfigProblem> check(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            problems.add(ConfigProblem.of(path(MAX_ATTEMPTS_KEY), attemptsExpectation()));
        }
        durationRange(INITIAL_BACKOFF_KEY, initialBackoff, MAX_BACKOFF).ifPresent(problems::add);
        durationRange(MAX_BACKOFF_KEY, maxBackoff, MAX_BACKOFF).ifPresent(problems::add);
        durationRange(MAX_ELAPSED_KEY, maxElapsed, MAX_ELAPSED).ifPresent(problems::add);
        if (problems.isEmpty() && initialBackoff.compareTo(maxBackoff) > 0) {
            problems.add(ConfigProblem.of(path(INITIAL_BACKOFF_KEY), "must not be longer than " + path(MAX_BACKOFF_KEY)));
        }
        return problems;
    }

    private static Parsed parse(Map<?, ?> map, List<ConfigProblem> problems) {
        RetrySettings d = RetrySettings.defaults();
        Parsed p = new Parsed();
        p.maxAttempts = attempts(map.get(MAX_ATTEMPTS_KEY), problems).orElse(d.maxAttempts());
        p.initialBackoff = duration(INITIAL_BACKOFF_KEY, map.get(INITIAL_BACKOFF_KEY), problems).orElse(d.initialBackoff());
        p.maxBackoff = duration(MAX_BACKOFF_KEY, map.get(MAX_BACKOFF_KEY), problems).orElse(d.maxBackoff());
        p.maxElapsed = duration(MAX_ELAPSED_KEY, map.get(MAX_ELAPSED_KEY), problems).orElse(d.maxElapsed());
        return p;
    }

    private static Optional<Integer> attempts(Object value, List<ConfigProblem> problems) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<Integer> n = Optional.empty();
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long l = ((Number) value).longValue();
            n = l == (int) l ? Optional.of((int) l) : Optional.empty();
        } else if (value instanceof String) {
            n = StoreConfig.parseInteger((String) value);
        }
        if (n.isEmpty() || n.get() < 1 || n.get() > MAX_ATTEMPTS) {
            problems.add(ConfigProblem.of(path(MAX_ATTEMPTS_KEY), attemptsExpectation()));
            return Optional.empty();
        }
        return n;
    }

    private static Optional<Duration> duration(String key, Object value, List<ConfigProblem> problems) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String) {
            try {
                return Optional.of(Duration.parse(((String) value).trim()));
            } catch (DateTimeParseException e) {
                // reported below, without the parser's message (it quotes the text)
            }
        }
        problems.add(ConfigProblem.of(path(key), "expected " + DURATION_EXAMPLE));
        return Optional.empty();
    }

    private static Optional<ConfigProblem> durationRange(String key, Duration d, Duration max) {
        if (d.compareTo(MIN_DURATION) >= 0 && d.compareTo(max) <= 0) {
            return Optional.empty();
        }
        return Optional.of(ConfigProblem.of(path(key), "expected " + DURATION_EXAMPLE + " from " + MIN_DURATION
                + " to " + max));
    }

    private static String attemptsExpectation() {
        return "expected a whole number from 1 to " + MAX_ATTEMPTS + " (attempts in total, the first included)";
    }

    private static String path(String key) {
        return RetrySettings.FIELD + "." + key;
    }

    private static final class Parsed {
        int maxAttempts;
        Duration initialBackoff;
        Duration maxBackoff;
        Duration maxElapsed;
    }
}
