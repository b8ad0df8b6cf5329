package dev.secretstore.emulator.aws;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret planted directly into the emulator, as if another team had created it: no credentials, no policy
 * check. Account and region default to {@link DefaultIdentity}. {@code toString} never shows the value.
 */
public final class SecretSeed {
    private final String name;
    private final String secretString;
    private final byte[] secretBinary;
    private final String description;
    private final Map<String, String> tags;
    private final String region;
    private final String accountId;

    private SecretSeed(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        if (b.secretString != null && b.secretBinary != null) {
            throw new IllegalArgumentException("secretString and secretBinary are exclusive");
        }
        this.secretString = b.secretString;
        this.secretBinary = b.secretBinary == null ? null : b.secretBinary.clone();
        this.description = b.description;
        this.tags = Map.copyOf(b.tags);
        this.region = b.region;
        this.accountId = b.accountId;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public Optional<String> secretString() {
        return Optional.ofNullable(secretString);
    }

    public Optional<byte[]> secretBinary() {
        return Optional.ofNullable(secretBinary).map(byte[]::clone);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Map<String, String> tags() {
        return tags;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    @Override
    public String toString() {
        return "SecretSeed[" + name + " in " + accountId + "/" + region + ", tags=" + tags.keySet() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretSeed s && name.equals(s.name) && Objects.equals(secretString, s.secretString)
                && Arrays.equals(secretBinary, s.secretBinary) && Objects.equals(description, s.description)
                && tags.equals(s.tags) && region.equals(s.region) && accountId.equals(s.accountId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, region, accountId);
    }

    /** Builds a {@link SecretSeed}. */
    public static final class Builder {
        private final String name;
        private String secretString;
        private byte[] secretBinary;
        private String description;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String region = DefaultIdentity.REGION;
        private String accountId = DefaultIdentity.ACCOUNT_ID;

        private Builder(String name) {
            this.name = name;
        }

        public Builder secretString(String value) {
            this.secretString = value;
            return this;
        }

        public Builder secretBinary(byte[] value) {
            this.secretBinary = value == null ? null : value.clone();
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder tag(String key, String value) {
            this.tags.put(key, value);
            return this;
        }

        public Builder region(String value) {
            this.region = Objects.requireNonNull(value, "region");
            return this;
        }

        public Builder accountId(String value) {
            this.accountId = Objects.requireNonNull(value, "accountId");
            return this;
        }

        public SecretSeed build() {
            return new SecretSeed(this);
        }
    }
}
