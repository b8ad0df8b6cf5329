package dev.secretstore.migrate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the journal says about one secret: the versions copied and verified so far (in order), a write announced
 * but not yet confirmed, whether the whole secret is done (and at which source version), and whether it was
 * deleted from the source. Changed only by {@link Journal}, under its lock.
 */
public final class SecretState {

    /** One source version copied to the target and verified there. */
    public record Copy(String sourceVersion, String targetVersion, String digest) {
    }

    /**
     * A write announced before it was made: if the run dies before {@link Copy} is recorded, the next run finds
     * out from the target whether it happened.
     *
     * @param after the target's latest version id before the write, {@code null} if the secret was not there
     */
    public record Intent(String sourceVersion, String digest, String after) {
    }

    private final List<Copy> copies = new ArrayList<>();
    private Intent pending;
    private String doneAt;
    private boolean deleted;

    synchronized void intent(Intent intent) {
        pending = intent;
        doneAt = null;
    }

    synchronized void copied(Copy copy) {
        copies.add(copy);
        pending = null;
    }

    synchronized void done(String sourceVersion) {
        doneAt = sourceVersion;
    }

    synchronized void deleted() {
        deleted = true;
    }

    public synchronized List<Copy> copies() {
        return List.copyOf(copies);
    }

    public synchronized Optional<Copy> lastCopy() {
        return copies.isEmpty() ? Optional.empty() : Optional.of(copies.get(copies.size() - 1));
    }

    public synchronized boolean hasCopied(String sourceVersion) {
        return copies.stream().anyMatch(c -> c.sourceVersion().equals(sourceVersion));
    }

    public synchronized Optional<Intent> pending() {
        return Optional.ofNullable(pending);
    }

    /** @return the source version the secret was complete at, if it was completed (and not changed since) */
    public synchronized Optional<String> doneAt() {
        return Optional.ofNullable(doneAt);
    }

    public synchronized boolean isDeleted() {
        return deleted;
    }
}
