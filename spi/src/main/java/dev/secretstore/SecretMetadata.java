package dev.secretstore;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a store knows about a secret, without its value: native id (ARN, URL id, resource name, file),
 * current version, tags (including the managed tag) and timestamps.
 *
 * <pre>{@code
 * SecretMetadata meta = SecretMetadata.builder(name)
 *         .nativeId("arn:aws:secretsmanager:...")
 *         .version("v2")
 *         .tags(Map.of("AirbyteManaged", "true"))
 *         .build();
 * boolean ours = meta.isManaged("AirbyteManaged");
 * }</pre>
 *
 * <p>A listing entry the provider found but could not read (a damaged, foreign or rolled-back record) is
 * reported with an {@linkplain #integrityProblem() integrity problem} instead of failing the whole listing;
 * such an entry has only a name, a native id and the problem.
 */
public final class SecretMetadata {

    private final SecretName name;
    private final String nativeId;
    private final String version;
    private final Map<String, String> tags;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant deletionDate;
    private final Instant expiresAt;
    private final String integrityProblem;

    private SecretMetadata(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.nativeId = b.nativeId == null ? b.name.value() : b.nativeId;
        this.version = b.version;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
        this.deletionDate = b.deletionDate;
        this.expiresAt = b.expiresAt;
        this.integrityProblem = b.integrityProblem;
    }

    /**
     * @param name the secret's name
     * @return a builder
     */
    public static Builder builder(SecretName name) {
        return new Builder(name);
    }

    /** @return a builder holding this metadata's fields */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.nativeId = nativeId;
        b.version = version;
        b.tags.putAll(tags);
        b.createdAt = createdAt;
        b.updatedAt = updatedAt;
        b.deletionDate = deletionDate;
        b.expiresAt = expiresAt;
        b.integrityProblem = integrityProblem;
        return b;
    }

    /** @return the logical name */
    public SecretName name() {
        return name;
    }

    /** @return the provider's id: ARN, URL id, resource name, file path; the name when none was set */
    public String nativeId() {
        return nativeId;
    }

    /** @return the current version, if the provider has versions */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** @return the tags (labels), including the managed tag; unmodifiable */
    public Map<String, String> tags() {
        return tags;
    }

    /** @return creation time, if known */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** @return last update time, if known */
    public Optional<Instant> updatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    /** @return when a soft-deleted secret will be purged, if it is scheduled for deletion */
    public Optional<Instant> deletionDate() {
        return Optional.ofNullable(deletionDate);
    }

    /** @return when the store will delete the secret by itself ({@link Capability#EXPIRY}), if it was given an expiry */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * Why the provider could not read this entry (damaged, foreign or rolled back), naming where, never a
     * value; reading the secret throws {@link SecretIntegrityException}. Empty for a healthy entry.
     *
     * @return the integrity problem of a damaged entry, if it is one
     */
    public Optional<String> integrityProblem() {
        return Optional.ofNullable(integrityProblem);
    }

    /**
     * @param tagKey the managed tag key, e.g. {@code "AirbyteManaged"}
     * @return whether the secret carries {@code <tagKey>=true} (value compared ignoring case)
     */
    public boolean isManaged(String tagKey) {
        String v = tags.get(tagKey);
        return v != null && v.trim().equalsIgnoreCase("true");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SecretMetadata)) {
            return false;
        }
        SecretMetadata m = (SecretMetadata) o;
        return name.equals(m.name) && nativeId.equals(m.nativeId) && Objects.equals(version, m.version)
                && tags.equals(m.tags) && Objects.equals(createdAt, m.createdAt)
                && Objects.equals(updatedAt, m.updatedAt) && Objects.equals(deletionDate, m.deletionDate)
                && Objects.equals(expiresAt, m.expiresAt)
                && Objects.equals(integrityProblem, m.integrityProblem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nativeId, version, tags);
    }

    @Override
    public String toString() {
        return "SecretMetadata[name=" + name + ", nativeId=" + nativeId + ", version=" + version
                + ", tags=" + tags + (createdAt == null ? "" : ", createdAt=" + createdAt)
                + (updatedAt == null ? "" : ", updatedAt=" + updatedAt)
                + (deletionDate == null ? "" : ", deletionDate=" + deletionDate)
                + (expiresAt == null ? "" : ", expiresAt=" + expiresAt)
                + (integrityProblem == null ? "" : ", integrityProblem=" + integrityProblem) + "]";
    }

    /** Builder of {@link SecretMetadata}. */
    public static final class Builder {
        private final SecretName name;
        private String nativeId;
        private String version;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Instant createdAt;
        private Instant updatedAt;
        private Instant deletionDate;
        private Instant expiresAt;
        private String integrityProblem;

        private Builder(SecretName name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**

         * @param nativeId provider id

         * @return this

         */
        public Builder nativeId(String nativeId) {
            this.nativeId = nativeId;
            return this;
        }

        /**

         * @param version current version, may be {@code null}

         * @return this

         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**

         * @param tags replaces all tags

         * @return this

         */
        public Builder tags(Map<String, String> tags) {
            this.tags.clear();
            this.tags.putAll(tags);
            return this;
        }

        /**

         * @param key tag key

         * @param value tag value

         * @return this

         */
        public Builder tag(String key, String value) {
            this.tags.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        /**

         * @param createdAt creation time, may be {@code null}

         * @return this

         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**

         * @param updatedAt update time, may be {@code null}

         * @return this

         */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**

         * @param deletionDate purge time of a soft-deleted secret, may be {@code null}

         * @return this

         */
        public Builder deletionDate(Instant deletionDate) {
            this.deletionDate = deletionDate;
            return this;
        }

        /**
         * @param expiresAt when the store deletes the secret by itself, may be {@code null}
         * @return this
         */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /**
         * Marks a listing entry the provider could not read.
         *
         * @param integrityProblem what failed and where (never a value), may be {@code null}
         * @return this
         */
        public Builder integrityProblem(String integrityProblem) {
            this.integrityProblem = integrityProblem;
            return this;
        }

        /** @return the metadata */
        public SecretMetadata build() {
            return new SecretMetadata(this);
        }
    }
}
