package dev.secretstore;

/**
 * Limits of a store, checked by the engine before any I/O.
 *
 * <pre>{@code
 * StoreLimits limits = StoreLimits.builder().maxValueBytes(65_536).maxNameLength(255).maxTags(50).build();
 * }</pre>
 */
public final class StoreLimits {

    private final int maxValueBytes;
    private final int maxNameLength;
    private final int maxTags;
    private final int maxTagKeyLength;
    private final int maxTagValueLength;

    private StoreLimits(Builder b) {
        this.maxValueBytes = b.maxValueBytes;
        this.maxNameLength = b.maxNameLength;
        this.maxTags = b.maxTags;
        this.maxTagKeyLength = b.maxTagKeyLength;
        this.maxTagValueLength = b.maxTagValueLength;
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
                .maxTagKeyLength(maxTagKeyLength).maxTagValueLength(maxTagValueLength);
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

    @Override
    public String toString() {
        return "StoreLimits[maxValueBytes=" + maxValueBytes + ", maxNameLength=" + maxNameLength + ", maxTags="
                + maxTags + ", maxTagKeyLength=" + maxTagKeyLength + ", maxTagValueLength=" + maxTagValueLength + "]";
    }

    /** Builder of {@link StoreLimits}. */
    public static final class Builder {
        private int maxValueBytes = 65_536;
        private int maxNameLength = SecretName.MAX_LENGTH;
        private int maxTags = 50;
        private int maxTagKeyLength = 128;
        private int maxTagValueLength = 256;

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

        /** @return the limits */
        public StoreLimits build() {
            return new StoreLimits(this);
        }
    }
}
