package dev.secretstore.conformance;

import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Something a {@link ConformanceFixture} may or may not be able to offer (a read-only store, a way to
 * plant foreign secrets, ...). An absent feature always says why, and the kit reports every test that
 * needs it as skipped with that reason, never as passed.
 *
 * <pre>{@code
 * public FixtureFeature<RequestCounter> requestCounter() {
 *     return FixtureFeature.unsupported("the vault client exposes no request hook");
 * }
 * }</pre>
 *
 * @param <T> what the feature supplies
 */
public final class FixtureFeature<T> {

    private final T value;
    private final String reason;

    private FixtureFeature(T value, String reason) {
        this.value = value;
        this.reason = reason;
    }

    /** The fixture offers this feature. */
    public static <T> FixtureFeature<T> of(T value) {
        return new FixtureFeature<>(Objects.requireNonNull(value, "value"), null);
    }

    /**
     * The fixture cannot offer this feature.
     *
     * @param reason why, in a sentence a provider's maintainer would accept in a test report
     */
    public static <T> FixtureFeature<T> unsupported(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("an unsupported fixture feature needs a reason");
        }
        return new FixtureFeature<>(null, reason);
    }

    public boolean isAvailable() {
        return value != null;
    }

    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /** Why the feature is absent; empty when it is available. */
    public Optional<String> unsupportedReason() {
        return Optional.ofNullable(reason);
    }

    /**
     * The feature's value, or aborts the running test (reported as skipped) with the fixture's reason.
     *
     * @param what the feature's name as the skip message should show it, e.g. "a read-only store"
     */
    public T require(String what) {
        if (value == null) {
            Assumptions.abort("needs " + what + ", which this fixture does not offer: " + reason);
        }
        return value;
    }

    @Override
    public String toString() {
        // Never the value itself: it may be a store whose toString is the provider's business.
        return value != null ? "FixtureFeature[available]" : "FixtureFeature[unsupported: " + reason + "]";
    }
}
