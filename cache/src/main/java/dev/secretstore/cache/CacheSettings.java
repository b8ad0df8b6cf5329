package dev.secretstore.cache;

import dev.secretstore.ConfigProblem;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the read-through cache behaves: its size bound, how long a value is served without asking the store
 * ({@code ttl}), and how long a value past its ttl may still be served when the store is unavailable
 * ({@code staleIfError}). From a config: {@code "cache": {"maxEntries": 10000, "ttl": "PT5M",
 * "staleIfError": "PT1M"}}, every key optional.
 *
 * <pre>{@code
 * CacheSettings settings = CacheSettings.builder().maxEntries(50_000).ttl(Duration.ofMinutes(10)).build();
 * Map<String, Object> config = settings.addTo(storeConfig);      // then SecretStores.open(config)
 * }</pre>
 */
public final class CacheSettings {

    /** The config field that selects the cache. */
    public static final String FIELD = "cache";

    static final int MAX_ENTRIES_LIMIT = 10_000_000;
    /** Longest ttl or staleIfError: 100 years, so both fit the nanosecond clock the cache judges them by (292 years). */
    static final Duration MAX_DURATION = Duration.ofDays(36_500);
    private static final String MAX_DURATION_TEXT = "P36500D";
    private static final Set<String> KEYS = Set.of("maxEntries", "ttl", "staleIfError");

    private final int maxEntries;
    private final Duration ttl;
    private final Duration staleIfError;

    private CacheSettings(Builder b) {
        this.maxEntries = b.maxEntries;
        this.ttl = b.ttl;
        this.staleIfError = b.staleIfError;
    }

    /**
     * 10,000 entries (a platform cycling through thousands of connections keeps them all: the AWS caching
     * client's 1,024 would evict every one), a 5-minute ttl, and 1 minute of stale values on errors.
     *
     * @return the defaults
     */
    public static CacheSettings defaults() {
        return builder().build();
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the most values held; beyond it the least useful are evicted (and counted) */
    public int maxEntries() {
        return maxEntries;
    }

    /** @return how long a value is served without asking the store */
    public Duration ttl() {
        return ttl;
    }

    /** @return how long past its ttl a value may still be served while the store is unavailable */
    public Duration staleIfError() {
        return staleIfError;
    }

    /**
     * @param config a store config
     * @return a copy of it with these settings as its {@code cache} field
     */
    public Map<String, Object> addTo(Map<String, ?> config) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(config);
        copy.put(FIELD, Map.of("maxEntries", maxEntries, "ttl", ttl.toString(), "staleIfError", staleIfError.toString()));
        return copy;
    }

    /**
     * @param value the {@code cache} field's raw value
     * @return field-named problems ({@code cache.ttl: ...}); the value given is never quoted
     */
    public static List<ConfigProblem> validate(Object value) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(ConfigProblem.of(FIELD, "expected an object such as {\"maxEntries\": 10000, \"ttl\": \"PT5M\"}"));
            return problems;
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String k) || !KEYS.contains(k)) {
                problems.add(ConfigProblem.of(FIELD + "." + safe(key), "unknown field; expected maxEntries, ttl or staleIfError"));
            }
        }
        Object max = map.get("maxEntries");
        if (max != null && wholeNumber(max) == null) {
            problems.add(ConfigProblem.of(FIELD + ".maxEntries", "expected a whole number from 1 to " + MAX_ENTRIES_LIMIT));
        } else if (max != null && (wholeNumber(max) < 1 || wholeNumber(max) > MAX_ENTRIES_LIMIT)) {
            problems.add(ConfigProblem.of(FIELD + ".maxEntries", "expected a whole number from 1 to " + MAX_ENTRIES_LIMIT));
        }
        duration(map.get("ttl"), "ttl", false, problems);
        duration(map.get("staleIfError"), "staleIfError", true, problems);
        return problems;
    }

    /**
     * @param value the {@code cache} field's value, valid per {@link #validate(Object)}
     * @return the settings, defaults where a key is absent
     * @throws IllegalArgumentException if it is not valid
     */
    public static CacheSettings from(Object value) {
        List<ConfigProblem> problems = validate(value);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid cache settings: " + problems);
        }
        Map<?, ?> map = (Map<?, ?>) value;
        Builder b = builder();
        if (map.get("maxEntries") != null) {
            b.maxEntries((int) (long) wholeNumber(map.get("maxEntries")));
        }
        if (map.get("ttl") != null) {
            b.ttl(Duration.parse((String) map.get("ttl")));
        }
        if (map.get("staleIfError") != null) {
            b.staleIfError(Duration.parse((String) map.get("staleIfError")));
        }
        return b.build();
    }

    private static void duration(Object raw, String key, boolean zeroAllowed, List<ConfigProblem> problems) {
        if (raw == null) {
            return;
        }
        String expected = "expected an ISO-8601 duration " + (zeroAllowed ? "of zero or more" : "above zero")
                + " and at most " + MAX_DURATION_TEXT + ", such as \"PT5M\"";
        if (!(raw instanceof String s)) {
            problems.add(ConfigProblem.of(FIELD + "." + key, expected));
            return;
        }
        try {
            Duration d = Duration.parse(s);
            if (d.isNegative() || (!zeroAllowed && d.isZero()) || d.compareTo(MAX_DURATION) > 0) {
                problems.add(ConfigProblem.of(FIELD + "." + key, expected));
            }
        } catch (DateTimeParseException e) {
            problems.add(ConfigProblem.of(FIELD + "." + key, expected));
        }
    }

    private static Long wholeNumber(Object o) {
        if (o instanceof Integer || o instanceof Long || o instanceof Short) {
            return ((Number) o).longValue();
        }
        if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
            return n.longValue();
        }
        return null;
    }

    // A key is the user's typing: repeated only when it looks like a field name.
    private static String safe(Object key) {
        return key instanceof String k && k.matches("[A-Za-z][A-Za-z0-9_]{0,40}") ? k : "(unnamed)";
    }

    @Override
    public String toString() {
        return "CacheSettings[maxEntries=" + maxEntries + ", ttl=" + ttl + ", staleIfError=" + staleIfError + "]";
    }

    /** Builder of {@link CacheSettings}. */
    public static final class Builder {
        private int maxEntries = 10_000;
        private Duration ttl = Duration.ofMinutes(5);
        private Duration staleIfError = Duration.ofMinutes(1);

        private Builder() {
        }

        /**
         * @param n the most values held, 1 to 10,000,000
         * @return this
         */
        public Builder maxEntries(int n) {
            if (n < 1 || n > MAX_ENTRIES_LIMIT) {
                throw new IllegalArgumentException("maxEntries must be from 1 to " + MAX_ENTRIES_LIMIT);
            }
            maxEntries = n;
            return this;
        }

        /**
         * @param d above zero, at most 100 years
         * @return this
         */
        public Builder ttl(Duration d) {
            if (Objects.requireNonNull(d, "ttl").isNegative() || d.isZero() || d.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("ttl must be above zero and at most " + MAX_DURATION_TEXT);
            }
            ttl = d;
            return this;
        }

        /**
         * @param d zero to 100 years; zero serves no stale value
         * @return this
         */
        public Builder staleIfError(Duration d) {
            if (Objects.requireNonNull(d, "staleIfError").isNegative() || d.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("staleIfError must be from zero to " + MAX_DURATION_TEXT);
            }
            staleIfError = d;
            return this;
        }

        /** @return the settings */
        public CacheSettings build() {
            return new CacheSettings(this);
        }
    }
}
