package dev.secretstore;

/**
 * Optional features a provider declares in {@link dev.secretstore.spi.SecretStoreProvider#capabilities()}.
 * The engine raises {@link UnsupportedCapabilityException} ("This provider does not support X") when an
 * operation needs a capability the provider lacks.
 *
 * <pre>{@code
 * if (store.supports(Capability.READ_SPECIFIC_VERSION)) { store.read(name, "2"); }
 * }</pre>
 */
public enum Capability {
    /** Each write keeps the previous value as an older version. */
    VERSIONS,
    /** Values may be arbitrary bytes, not only UTF-8 text. */
    BINARY,
    /** {@code readAll} is served by a native batch call. */
    BATCH_READ,
    /** Deletion with a recovery window. */
    SOFT_DELETE,
    /** A soft-deleted secret can be restored. */
    RESTORE,
    /** User tags (labels) are stored. */
    TAGS,
    /** {@code list} can filter by name prefix. */
    LIST_BY_PREFIX,
    /** {@code read(name, version)} of a version other than the latest. */
    READ_SPECIFIC_VERSION,
    /**
     * {@code listVersions(name)} enumerates the versions of a secret that can still be read, oldest first: what a
     * migration needs to copy a secret's history, not only its latest value. Implies {@link #VERSIONS} and
     * {@link #READ_SPECIFIC_VERSION}.
     */
    LIST_VERSIONS,
    /**
     * A secret can be created with an expiry time ({@link CreateOptions#expiresAt()}), after which the store
     * itself deletes it, value and versions, with nothing left to restore. For short-lived credentials, which
     * then need no sweeper: {@code store.create(name, value, CreateOptions.expiringAt(Instant.now().plus(ttl)))}.
     */
    EXPIRY
}
