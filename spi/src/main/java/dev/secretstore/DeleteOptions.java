package dev.secretstore;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link SecretStore#delete} deletes: {@link #defaults()} (soft, with the store's default recovery
 * window where it has one), {@link #recoveryWindow(Duration)}, or {@link #force()} (immediately, no
 * recovery).
 *
 * <pre>{@code
 * store.delete(name, DeleteOptions.recoveryWindow(Duration.ofDays(7)));
 * }</pre>
 */
public final class DeleteOptions {

    private static final DeleteOptions DEFAULTS = new DeleteOptions(false, null);
    private static final DeleteOptions FORCE = new DeleteOptions(true, null);

    private final boolean force;
    private final Duration recoveryWindow;

    private DeleteOptions(boolean force, Duration recoveryWindow) {
        this.force = force;
        this.recoveryWindow = recoveryWindow;
    }

    /** @return soft delete with the store's default window (hard where the store has no soft delete) */
    public static DeleteOptions defaults() {
        return DEFAULTS;
    }

    /** @return delete immediately, without recovery */
    public static DeleteOptions force() {
        return FORCE;
    }

    /**
     * @param window recovery window; positive
     * @return soft delete with this window
     */
    public static DeleteOptions recoveryWindow(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new InvalidRequestException("recovery window must be positive (got " + window + ")");
        }
        return new DeleteOptions(false, window);
    }

    /** @return whether to delete without recovery */
    public boolean isForce() {
        return force;
    }

    /** @return the requested recovery window, if one was given */
    public Optional<Duration> recoveryWindow() {
        return Optional.ofNullable(recoveryWindow);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeleteOptions && ((DeleteOptions) o).force == force
                && Objects.equals(((DeleteOptions) o).recoveryWindow, recoveryWindow);
    }

    @Override
    public int hashCode() {
        return Objects.hash(force, recoveryWindow);
    }

    @Override
    public String toString() {
        return force ? "DeleteOptions[force]"
                : recoveryWindow == null ? "DeleteOptions[default]" : "DeleteOptions[recoveryWindow=" + recoveryWindow + "]";
    }
}
