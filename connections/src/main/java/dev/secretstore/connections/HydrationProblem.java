package dev.secretstore.connections;

import java.util.Objects;
import java.util.Optional;

/**
 * One reference that could not be read: which config (when several were hydrated together), where in it,
 * which coordinate in which store, and why. Never a value.
 *
 * @param configIndex the config's position in a batch, or -1 for a single config
 * @param path        where the reference is
 * @param coordinate  the coordinate (or external name) it points at
 * @param storageId   the store it names, or {@code null} for the default store
 * @param reason      why it could not be read, e.g. {@code not found}
 */
public record HydrationProblem(int configIndex, JsonPath path, String coordinate, String storageId, String reason) {

    /** Checks the components. */
    public HydrationProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(coordinate, "coordinate");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return the store id, empty for the default store */
    public Optional<String> store() {
        return Optional.ofNullable(storageId);
    }

    @Override
    public String toString() {
        return (configIndex >= 0 ? "config[" + configIndex + "] " : "") + path + " -> " + coordinate
                + (storageId == null ? "" : " in store '" + storageId + "'") + ": " + reason;
    }
}
