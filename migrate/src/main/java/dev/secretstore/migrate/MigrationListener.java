package dev.secretstore.migrate;

import dev.secretstore.SecretName;

/**
 * Progress of a running {@link Migration}, for a progress bar or metrics. Called from the migration's worker
 * threads, so implementations must be thread-safe and quick. Never given a value.
 */
public interface MigrationListener {

    /** A listener that ignores everything. */
    MigrationListener NONE = new MigrationListener() {
    };

    /**
     * The source has been listed and checked; copying starts.
     *
     * @param secrets how many secrets the run will go through
     */
    default void started(int secrets) {
    }

    /**
     * One secret is finished with.
     *
     * @param name    the secret
     * @param outcome what happened to it
     */
    default void finished(SecretName name, SecretOutcome outcome) {
    }

    /**
     * A secret whose copy was verified has been deleted from the source ({@code deleteSource}).
     *
     * @param name the secret
     */
    default void deletedFromSource(SecretName name) {
    }

    /**
     * A store throttled the migration beyond its provider's own retries: the migration backs off, retries the
     * secret and lowers its concurrency.
     *
     * @param name        the secret being copied
     * @param concurrency the number of secrets now copied at once
     */
    default void throttled(SecretName name, int concurrency) {
    }
}
