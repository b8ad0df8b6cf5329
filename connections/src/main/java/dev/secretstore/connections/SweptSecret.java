package dev.secretstore.connections;

import java.util.Objects;

/**
 * One secret the sweeper deleted, would delete (dry run), or failed to delete.
 *
 * @param name    the coordinate
 * @param reason  why it is an orphan, e.g. {@code unreferenced, created 2026-01-01T00:00:00Z}
 * @param outcome what happened to it
 */
public record SweptSecret(String name, String reason, Outcome outcome) {

    /** What the sweeper did. */
    public enum Outcome {
        /** Deleted. */
        DELETED,
        /** A dry run: it would have been deleted. */
        WOULD_DELETE,
        /** Already gone when the sweeper came to delete it. */
        ALREADY_GONE,
        /** The delete failed; the reason says why. */
        FAILED
    }

    /** Checks the components. */
    public SweptSecret {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** @return one printable line, e.g. {@code would delete airbyte_... (unreferenced, created ...)} */
    public String line() {
        String verb = switch (outcome) {
            case DELETED -> "deleted";
            case WOULD_DELETE -> "would delete";
            case ALREADY_GONE -> "already gone";
            case FAILED -> "failed to delete";
        };
        return verb + " " + name + " (" + reason + ")";
    }
}
