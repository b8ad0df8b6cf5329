package dev.secretstore;

import java.util.Optional;

/**
 * Options of {@link SecretStore#list}: name prefix, page size (default 100) and page token.
 *
 * <pre>{@code
 * Page<SecretMetadata> page = store.list(ListOptions.builder().prefix("airbyte_").pageSize(50).build());
 * }</pre>
 */
public final class ListOptions {

    /** Default page size. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final String prefix;
    private final int pageSize;
    private final String pageToken;

    private ListOptions(Builder b) {
        this.prefix = b.prefix == null || b.prefix.isEmpty() ? null : b.prefix;
        this.pageSize = b.pageSize;
        this.pageToken = b.pageToken == null || b.pageToken.isEmpty() ? null : b.pageToken;
    }

    /** @return first page, no prefix, default page size */
    public static ListOptions defaults() {
        return builder().build();
    }

    /**

     * @param prefix name prefix

     * @return first page of names starting with {@code prefix}

     */
    public static ListOptions withPrefix(String prefix) {
        return builder().prefix(prefix).build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder with these options */
    public Builder toBuilder() {
        return builder().prefix(prefix).pageSize(pageSize).pageToken(pageToken);
    }

    /** @return the name prefix, if any */
    public Optional<String> prefix() {
        return Optional.ofNullable(prefix);
    }

    /** @return the page size (1–1000) */
    public int pageSize() {
        return pageSize;
    }

    /** @return the page token, if not the first page */
    public Optional<String> pageToken() {
        return Optional.ofNullable(pageToken);
    }

    @Override
    public String toString() {
        return "ListOptions[prefix=" + prefix + ", pageSize=" + pageSize + ", pageToken=" + (pageToken != null) + "]";
    }

    /** Builder of {@link ListOptions}. */
    public static final class Builder {
        private String prefix;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private String pageToken;

        private Builder() {
        }

        /**

         * @param prefix name prefix, {@code null} for none

         * @return this

         */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /**

         * @param pageSize 1–1000

         * @return this

         */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > 1000) {
                throw new InvalidRequestException("pageSize must be between 1 and 1000 (got " + pageSize + ")");
            }
            this.pageSize = pageSize;
            return this;
        }

        /**

         * @param pageToken token from {@link Page#nextPageToken()}, {@code null} for the first page

         * @return this

         */
        public Builder pageToken(String pageToken) {
            this.pageToken = pageToken;
            return this;
        }

        /** @return the options */
        public ListOptions build() {
            return new ListOptions(this);
        }
    }
}
