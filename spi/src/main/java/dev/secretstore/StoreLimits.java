package dev.secretstore;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Limits of a store, checked by the engine before any I/O.
 *
 * <pre>{@code
 * StoreLimits limits = StoreLimits.builder().maxValueBytes(65_536).maxNameLength(255).maxTags(50).build();
 * }</pre>
 *
 * <p>A store that cannot hold every character in user tags declares which it can, and the engine then
 * rejects any other tag before any I/O with an error that says what is allowed, instead of the provider
 * rewriting the tag silently:
 *
 * <pre>{@code
 * Pattern allowed = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
 * StoreLimits.builder().tagKeyPattern(allowed).tagValuePattern(allowed)
 *         .tagCharacters("letters, digits, whitespace and _ . : / = + - @").build();
 * }</pre>
 */
public final class StoreLimits {

    private static final String ANY_CHARACTERS = "any characters";

    private final int maxValueBytes;
    private final int maxNameLength;
    private final int maxTags;
    private final int maxTagKeyLength;
    private final int maxTagValueLength;
    private final Pattern tagKeyPattern;
    private final Pattern tagValuePattern;
    private final String tagCharacters;

    private StoreLimits(Builder b) {
        this.maxValueBytes = b.maxValueBytes;
        this.maxNameLength = b.maxNameLength;
        this.maxTags = b.maxTags;
        this.maxTagKeyLength = b.maxTagKeyLength;
        this.maxTagValueLength = b.maxTagValueLength;
        this.tagKeyPattern = b.tagKeyPattern;
        this.tagValuePattern = b.tagValuePattern;
        this.tagCharacters = b.tagCharacters;
    }

    /** @return 64 KiB values, 255-char names, 50 tags, 128-char keys, 256-char values */
    public static StoreLimits defaults() {
        return builder().build();
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder with these limits */
    public Builder toBuilder() {
        return builder().maxValueBytes(maxValueBytes).maxNameLength(maxNameLength).maxTags(maxTags)
                .maxTagKeyLength(maxTagKeyLength).maxTagValueLength(maxTagValueLength)
                .tagKeyPattern(tagKeyPattern).tagValuePattern(tagValuePattern).tagCharacters(tagCharacters);
    }

    /** @return largest value in bytes */
    public int maxValueBytes() {
        return maxValueBytes;
    }

    /** @return longest logical name in characters */
    public int maxNameLength() {
        return maxNameLength;
    }

    /** @return most tags per secret, the managed tag included */
    public int maxTags() {
        return maxTags;
    }

    /** @return longest tag key */
    public int maxTagKeyLength() {
        return maxTagKeyLength;
    }

    /** @return longest tag value */
    public int maxTagValueLength() {
        return maxTagValueLength;
    }

    /** @return what a whole user tag key must match, if the store restricts its characters */
    public Optional<Pattern> tagKeyPattern() {
        return Optional.ofNullable(tagKeyPattern);
    }

    /** @return what a whole user tag value must match, if the store restricts its characters */
    public Optional<Pattern> tagValuePattern() {
        return Optional.ofNullable(tagValuePattern);
    }

    /** @return the characters allowed in tags, in words for error messages ("any characters" without a pattern) */
    public String tagCharacters() {
        return tagCharacters;
    }

    @Override
    public String toString() {
        return "StoreLimits[maxValueBytes=" + maxValueBytes + ", maxNameLength=" + maxNameLength + ", maxTags="
                + maxTags + ", maxTagKeyLength=" + maxTagKeyLength + ", maxTagValueLength=" + maxTagValueLength
                + (tagKeyPattern != null || tagValuePattern != null ? ", tagCharacters=" + tagCharacters : "") + "]";
    }

    /** Builder of {@link StoreLimits}. */
    public static final class Builder {
        private int maxValueBytes = 65_536;
        private int maxNameLength = SecretName.MAX_LENGTH;
        private int maxTags = 50;
        private int maxTagKeyLength = 128;
        private int maxTagValueLength = 256;
        private Pattern tagKeyPattern;
        private Pattern tagValuePattern;
        private String tagCharacters = ANY_CHARACTERS;

        private Builder() {
        }

        private static int positive(String what, int v) {
            if (v < 1) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return v;
        }

        /**

         * @param v bytes

         * @return this

         */
        public Builder maxValueBytes(int v) {
            maxValueBytes = positive("maxValueBytes", v);
            return this;
        }

        /**
         * The longest portable name this store holds. A value over {@link SecretName#MAX_LENGTH} (255, the
         * longest portable name) is capped there: a store with longer native names (AWS: 512) still receives
         * portable names only. Declare less when the store's native limit, after the provider's name
         * encoding, is shorter; the engine then refuses longer names before any I/O.
         *
         * @param v characters, at most 255
         * @return this
         */
        public Builder maxNameLength(int v) {
            maxNameLength = Math.min(positive("maxNameLength", v), SecretName.MAX_LENGTH);
            return this;
        }

        /**

         * @param v tags, at least 1 (the managed tag)

         * @return this

         */
        public Builder maxTags(int v) {
            maxTags = positive("maxTags", v);
            return this;
        }

        /**

         * @param v characters

         * @return this

         */
        public Builder maxTagKeyLength(int v) {
            maxTagKeyLength = positive("maxTagKeyLength", v);
            return this;
        }

        /**

         * @param v characters

         * @return this

         */
        public Builder maxTagValueLength(int v) {
            maxTagValueLength = positive("maxTagValueLength", v);
            return this;
        }

        /**
         * @param p what a whole user tag key must match, or {@code null} for any characters
         * @return this
         */
        public Builder tagKeyPattern(Pattern p) {
            tagKeyPattern = p;
            return this;
        }

        /**
         * @param p what a whole user tag value must match, or {@code null} for any characters
         * @return this
         */
        public Builder tagValuePattern(Pattern p) {
            tagValuePattern = p;
            return this;
        }

        /**
         * @param description the characters the tag patterns allow, in words, for error messages
         *     (e.g. "letters, digits, whitespace and _ . : / = + - @")
         * @return this
         */
        public Builder tagCharacters(String description) {
            Objects.requireNonNull(description, "description");
            if (description.isBlank()) {
                throw new IllegalArgumentException("tagCharacters must describe the allowed characters");
            }
            tagCharacters = description;
            return this;
        }

        /** @return the limits */
        public StoreLimits build() {
            return new StoreLimits(this);
        }
    }
}
