package dev.secretstore.migrate;

/** What a migration did with one secret. */
public enum SecretOutcome {
    /** Copied (all or the rest of its versions) and verified in this run. */
    COPIED,
    /** Already in the target, verified, by an earlier run (or identical there already): nothing written. */
    ALREADY_MIGRATED,
    /** Not copied, or copied but not verified; see {@link MigrationReport#failures()}. Rerun to retry it. */
    FAILED
}
