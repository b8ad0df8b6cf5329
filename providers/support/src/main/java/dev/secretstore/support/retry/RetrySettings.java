package dev.secretstore.support.retry;

import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.spi.StoreConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The settings of the one retry policy: how many attempts, how the backoff grows, and how long a call may
 * take in total. Immutable; read from a store config's optional {@code retry} object.
 *
 * <pre>{@code
 * // in a provider:
 * public List<ConfigField> configFields() { return List.of(..., RetrySettings.configField()); }
 * public List<ConfigProblem> validate(StoreConfig c) { problems.addAll(RetrySettings.validate(c)); ... }
 * public SecretStoreSpi open(StoreConfig c) { RetryPolicy retry = RetryPolicy.create("aws", RetrySettings.from(c)); ... }
 * }</pre>
 *
 * <p>In a config: {@code "retry": {"maxAttempts": 4, "initialBackoff": "PT0.2S", "maxBackoff": "PT5S",
 * "maxElapsed": "PT30S"}}, each key optional (the defaults are those values).
 */
public final class RetrySettings {

    /** The config field holding the settings. */
    public static final String FIELD = "retry";

    private static final RetrySettings DEFAULTS = new Builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxElapsed;

    private RetrySettings(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxElapsed = b.maxElapsed;
    }

    /** @return 4 attempts, backoff from 0.2 s doubling up to 5 s, 30 s in total */
    public static RetrySettings defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder with these settings */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
                .maxElapsed(maxElapsed);
    }

    /**
     * The declaration of the optional {@code retry} field, for a provider's
     * {@link dev.secretstore.spi.SecretStoreProvider#configFields()}.
     *
     * @return an optional field of type object
     */
    public static ConfigField configField() {
        return RetryConfigReader.FIELD_DECLARATION;
    }

    /**
     * Checks the {@code retry} object of a config: unknown keys (with a "did you mean"), types and ranges,
     * each problem named {@code retry.<key>}, never quoting the value given. An absent field is fine.
     *
     * @param config the config
     * @return the problems, empty when the field is absent or valid
     */
    public static List<ConfigProblem> validate(StoreConfig config) {
        return RetryConfigReader.validate(config);
    }

    /**
     * @param config a config ({@link #validate(StoreConfig) valid}, as the facade ensures before
     *               {@code open})
     * @return its settings, with the defaults for absent keys
     * @throws InvalidConfigException naming the fields if the {@code retry} object is not valid
     */
    public static RetrySettings from(StoreConfig config) {
        List<ConfigProblem> problems = validate(config);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(config.provider(), problems);
        }
        return RetryConfigReader.read(config);
    }

    /** @return the number of attempts in total, the first one included (1 means no retry) */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the upper bound of the first wait; each later bound doubles, up to {@link #maxBackoff()} */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @return the largest upper bound of a computed wait (a server's {@code Retry-After} may ask for more) */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the longest a call may take with its waits; no wait is started that would end after it */
    public Duration maxElapsed() {
        return maxElapsed;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RetrySettings)) {
            return false;
        }
        RetrySettings s = (RetrySettings) o;
        return maxAttempts == s.maxAttempts && initialBackoff.equals(s.initialBackoff)
                && maxBackoff.equals(s.maxBackoff) && maxElapsed.equals(s.maxElapsed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, maxElapsed);
    }

    @Override
    public String toString() {
        return "RetrySettings[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxElapsed=" + maxElapsed + "]";
    }

    /** Builder of {@link RetrySettings}; {@link #build()} checks the same ranges as the config. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration maxElapsed = Duration.ofSeconds(30);

        private Builder() {
        }

        /**
         * @param maxAttempts attempts in total, from 1 (no retry) to {@value RetryConfigReader#MAX_ATTEMPTS}
         * @return this
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * @param initialBackoff the first wait's upper bound, positive, at most {@link #maxBackoff(Duration)}
         * @return this
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * @param maxBackoff the largest computed wait, positive, at most 5 minutes
         * @return this
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * @param maxElapsed the longest a call may take with its waits, positive, at most 1 hour
         * @return this
         */
        public Builder maxElapsed(Duration maxElapsed) {
            this.maxElapsed = Objects.requireNonNull(maxElapsed, "maxElapsed");
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException naming the setting out of range
         */
        public RetrySettings build() {
            List<ConfigProblem> problems = RetryConfigReader.check(maxAttempts, initialBackoff, maxBackoff, maxElapsed);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(problems.get(0).toString());
            }
            return new RetrySettings(this);
        }
    }
}
