package dev.secretstore.emulator.azure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A secret name with its versions (oldest first) and, when soft-deleted, when and until when. */
final class StoredSecret {
    private final String name;
    private final List<SecretVersion> versions = new ArrayList<>();
    private Long deletedDate;
    private Long scheduledPurgeDate;

    StoredSecret(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    List<SecretVersion> versions() {
        return versions;
    }

    SecretVersion latest() {
        return versions.get(versions.size() - 1);
    }

    Optional<SecretVersion> version(String version) {
        return versions.stream().filter(v -> v.version().equalsIgnoreCase(version)).findFirst();
    }

    boolean isDeleted() {
        return deletedDate != null;
    }

    Long deletedDate() {
        return deletedDate;
    }

    Long scheduledPurgeDate() {
        return scheduledPurgeDate;
    }

    void markDeleted(long deletedAt, long purgeAt) {
        deletedDate = deletedAt;
        scheduledPurgeDate = purgeAt;
    }

    void markRecovered() {
        deletedDate = null;
        scheduledPurgeDate = null;
    }
}
