package dev.secretstore;

import java.util.Optional;

/**
 * Stored data failed its integrity check: a record or value that is truncated, altered, foreign, rolled back
 * to an older copy, or unreadable, so the store cannot vouch for what it holds for this secret.
 *
 * <p>It concerns one secret (or one stored object): other secrets stay readable and writable, and a listing
 * reports the entry as {@linkplain SecretMetadata#integrityProblem() damaged} instead of failing. It is not
 * transient and is never retried. {@link #location()} names what failed (a file path, an object id), never
 * its content.
 *
 * <pre>{@code
 * try {
 *     store.read(name);
 * } catch (SecretIntegrityException e) {
 *     log.error("{} is damaged at {}: restore it from a backup", name, e.location().orElse("?"));
 * }
 * }</pre>
 *
 * <p>Constructed like its parent plus the location:
 * {@code new SecretIntegrityException(provider, operation, name, detail, remediation, location, cause)}.
 */
public class SecretIntegrityException extends SecretStoreException {

    private final String location;

    /**
     * @param provider    provider name
     * @param operation   operation that failed
     * @param secretName  secret concerned
     * @param detail      what failed the check, without values or credentials
     * @param remediation what the user can do (restore from backup, delete the entry)
     * @param location    the file, object or checksum that failed, may be {@code null}
     * @param cause       underlying exception
     */
    public SecretIntegrityException(String provider, Operation operation, SecretName secretName,
            String detail, String remediation, String location, Throwable cause) {
        super(provider, operation, secretName, detail, remediation, cause);
        this.location = location == null || location.isBlank() ? null : location;
    }

    /** @param detail what failed the check, without values or credentials */
    public SecretIntegrityException(String detail) {
        this(null, null, null, detail, null, null, null);
    }

    /** @return the file, object or checksum that failed the check, if known */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    @Override
    protected String kind() {
        return "failed its integrity check";
    }
}
