package dev.secretstore;

import java.util.Objects;
import java.util.Optional;

/**
 * A provider that could not be loaded and was skipped: which class, from which jar, and why.
 * Reported by {@link SecretStores#providerLoadFailures()} rather than silently swallowed.
 *
 * <pre>{@code
 * SecretStores.providerLoadFailures().forEach(f -> log.warn("skipped provider: {}", f));
 * }</pre>
 */
public final class ProviderLoadFailure {

    private final String providerClass;
    private final String source;
    private final String reason;
    private final Throwable cause;

    /**
     * @param providerClass the provider class name, or a description when unknown
     * @param source        jar or directory it came from, may be {@code null}
     * @param reason        why it was skipped
     * @param cause         the error, may be {@code null}
     */
    public ProviderLoadFailure(String providerClass, String source, String reason, Throwable cause) {
        this.providerClass = Objects.requireNonNull(providerClass, "providerClass");
        this.source = source;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.cause = cause;
    }

    /** @return the provider class name (or "unknown provider" when the error did not name it) */
    public String providerClass() {
        return providerClass;
    }

    /** @return the jar or directory it came from, if known */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** @return why it was skipped */
    public String reason() {
        return reason;
    }

    /** @return the underlying error, if any */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    @Override
    public String toString() {
        return providerClass + (source == null ? "" : " (from " + source + ")") + ": " + reason;
    }
}
