package dev.secretstore.emulator.azure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret placed in the vault as if someone else had created it: no client call, no RBAC check.
 *
 * <pre>{@code
 * emulator.plantSecret(PlantedSecret.builder("db-password", "s3cret").tag("owner", "ops").build());
 * }</pre>
 */
public final class PlantedSecret {
    private final String name;
    private final String value;
    private final Optional<String> contentType;
    private final Map<String, String> tags;
    private final boolean enabled;

    private PlantedSecret(Builder builder) {
        this.name = builder.name;
        this.value = builder.value;
        this.contentType = Optional.ofNullable(builder.contentType);
        this.tags = Map.copyOf(builder.tags);
        this.enabled = builder.enabled;
    }

    public static Builder builder(String name, String value) {
        return new Builder(name, value);
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    public Optional<String> contentType() {
        return contentType;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "PlantedSecret[name=" + name + ", value=*** redacted ***, tags=" + tags + ", enabled=" + enabled + "]";
    }

    /** Builds a {@link PlantedSecret}; enabled, without content type or tags unless told. */
    public static final class Builder {
        private final String name;
        private final String value;
        private String contentType;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private boolean enabled = true;

        private Builder(String name, String value) {
            this.name = Objects.requireNonNull(name, "name");
            this.value = Objects.requireNonNull(value, "value");
        }

        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder tag(String key, String tagValue) {
            tags.put(key, tagValue);
            return this;
        }

        public Builder tags(Map<String, String> more) {
            tags.putAll(more);
            return this;
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public PlantedSecret build() {
            return new PlantedSecret(this);
        }
    }
}
