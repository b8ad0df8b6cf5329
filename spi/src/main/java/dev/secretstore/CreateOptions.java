package dev.secretstore;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link SecretStore#create(SecretName, SecretValue, CreateOptions)} creates a secret: the user's tags and,
 * on a store with {@link Capability#EXPIRY}, the time after which the store deletes the secret by itself.
 *
 * <pre>{@code
 * store.create(name, value, CreateOptions.builder()
 *         .tags(Map.of("connection", id))
 *         .expiresAt(Instant.now().plus(Duration.ofHours(1)))
 *         .build());
 * }</pre>
 *
 * An expiry on a store without {@link Capability#EXPIRY} fails with {@link UnsupportedCapabilityException} before
 * any I/O, never by creating a secret that lives for ever.
 */
public final class CreateOptions {

    private static final CreateOptions DEFAULTS = builder().build();

    private final Map<String, String> tags;
    private final Instant expiresAt;

    private CreateOptions(Builder b) {
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.expiresAt = b.expiresAt;
    }

    /** @return no tags, no expiry */
    public static CreateOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param expiresAt when the store deletes the secret
     * @return options with that expiry and no tags
     */
    public static CreateOptions expiringAt(Instant expiresAt) {
        return builder().expiresAt(expiresAt).build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the user's tags (the engine adds the managed tag); unmodifiable */
    public Map<String, String> tags() {
        return tags;
    }

    /** @return when the store deletes the secret by itself, if it should */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateOptions && tags.equals(((CreateOptions) o).tags)
                && Objects.equals(expiresAt, ((CreateOptions) o).expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tags, expiresAt);
    }

    @Override
    public String toString() {
        return "CreateOptions[tags=" + tags.keySet() + (expiresAt == null ? "" : ", expiresAt=" + expiresAt) + "]";
    }

    /** Builder of {@link CreateOptions}. */
    public static final class Builder {
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Instant expiresAt;

        private Builder() {
        }

        /**
         * @param tags the user's tags; replaces earlier ones
         * @return this
         */
        public Builder tags(Map<String, String> tags) {
            this.tags.clear();
            this.tags.putAll(Objects.requireNonNull(tags, "tags"));
            return this;
        }

        /**
         * @param expiresAt when the store deletes the secret by itself; {@code null} for never
         * @return this
         */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** @return the options */
        public CreateOptions build() {
            return new CreateOptions(this);
        }
    }
}
