package dev.secretstore.connections;

import java.util.Objects;
import java.util.Optional;

/**
 * A managed secret version in a given store: what an update wrote or will delete.
 *
 * @param coordinate the managed coordinate
 * @param storageId  the store's id, or {@code null} for the default store
 */
public record StoredSecret(SecretCoordinate coordinate, String storageId) {

    /** Checks the components. */
    public StoredSecret {
        Objects.requireNonNull(coordinate, "coordinate");
    }

    /** @return the store id, empty for the default store */
    public Optional<String> store() {
        return Optional.ofNullable(storageId);
    }

    static StoredSecret of(SecretReference reference) {
        return new StoredSecret(reference.managedCoordinate().orElseThrow(), reference.storageId().orElse(null));
    }

    @Override
    public String toString() {
        return coordinate + (storageId == null ? "" : "@" + storageId);
    }
}
