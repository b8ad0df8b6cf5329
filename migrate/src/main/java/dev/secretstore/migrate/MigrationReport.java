package dev.secretstore.migrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link Migration} run did (or, for a dry run, would do): counts, the secrets that failed and why, the
 * names or tags the target cannot hold, and whether history was copied. Holds names and counts, never a value.
 *
 * <pre>{@code
 * MigrationReport report = migration.run();
 * if (!report.succeeded()) {
 *     report.offenders().forEach(p -> log.warn("{}: {}", p.name(), p.reason()));
 *     report.failures().forEach(p -> log.warn("{}: {}", p.name(), p.reason()));
 * }
 * }</pre>
 */
public final class MigrationReport {

    private final boolean dryRun;
    private final String source;
    private final String target;
    private final String prefix;
    private final boolean allVersions;
    private final String history;
    private final int secrets;
    private final int copied;
    private final int alreadyMigrated;
    private final int versionsCopied;
    private final int deleted;
    private final String deletion;
    private final int throttled;
    private final List<SecretProblem> offenders;
    private final List<SecretProblem> failures;
    private final Duration elapsed;

    private MigrationReport(Builder b) {
        this.dryRun = b.dryRun;
        this.source = b.source;
        this.target = b.target;
        this.prefix = b.prefix;
        this.allVersions = b.allVersions;
        this.history = b.history;
        this.secrets = b.secrets;
        this.copied = b.copied;
        this.alreadyMigrated = b.alreadyMigrated;
        this.versionsCopied = b.versionsCopied;
        this.deleted = b.deleted;
        this.deletion = b.deletion;
        this.throttled = b.throttled;
        this.offenders = List.copyOf(b.offenders);
        this.failures = List.copyOf(b.failures);
        this.elapsed = b.elapsed;
    }

    static Builder builder() {
        return new Builder();
    }

    /** @return true when nothing was (or, for a dry run, would have been) written */
    public boolean dryRun() {
        return dryRun;
    }

    /** @return the source store's provider name */
    public String sourceProvider() {
        return source;
    }

    /** @return the target store's provider name */
    public String targetProvider() {
        return target;
    }

    /** @return the name prefix the migration was limited to, if any */
    public Optional<String> prefix() {
        return Optional.ofNullable(prefix);
    }

    /** @return true when every live version is copied, in order; false when only the latest is */
    public boolean allVersions() {
        return allVersions;
    }

    /** @return a sentence saying which versions are copied and, for latest-only, why */
    public String history() {
        return history;
    }

    /** @return the managed secrets under the prefix in the source */
    public int secrets() {
        return secrets;
    }

    /** @return secrets copied and verified in this run (for a dry run: that would be copied) */
    public int copied() {
        return copied;
    }

    /** @return secrets an earlier run had already copied and verified (nothing written for them) */
    public int alreadyMigrated() {
        return alreadyMigrated;
    }

    /** @return versions written to the target and verified in this run */
    public int versionsCopied() {
        return versionsCopied;
    }

    /** @return secrets deleted from the source (with {@code deleteSource}) in this run */
    public int deletedFromSource() {
        return deleted;
    }

    /** @return why nothing was deleted from the source although asked, if so */
    public Optional<String> deletionSkipped() {
        return Optional.ofNullable(deletion);
    }

    /** @return how many times a store throttled the migration beyond its provider's retries */
    public int throttled() {
        return throttled;
    }

    /** @return secrets whose name or tags the target cannot hold; when any, nothing was written */
    public List<SecretProblem> offenders() {
        return offenders;
    }

    /** @return secrets that failed (not copied, or not verified); rerun to retry them */
    public List<SecretProblem> failures() {
        return failures;
    }

    /** @return how long the run took */
    public Duration elapsed() {
        return elapsed;
    }

    /** @return true when there are neither offenders nor failures */
    public boolean succeeded() {
        return offenders.isEmpty() && failures.isEmpty();
    }

    @Override
    public String toString() {
        return "MigrationReport[" + source + " -> " + target + (dryRun ? ", dry run" : "") + ", secrets=" + secrets
                + ", copied=" + copied + ", alreadyMigrated=" + alreadyMigrated + ", versionsCopied=" + versionsCopied
                + ", deleted=" + deleted + ", offenders=" + offenders.size() + ", failures=" + failures.size() + "]";
    }

    /** Filled in by the migration as it goes. */
    static final class Builder {
        boolean dryRun;
        String source;
        String target;
        String prefix;
        boolean allVersions;
        String history;
        int secrets;
        int copied;
        int alreadyMigrated;
        int versionsCopied;
        int deleted;
        String deletion;
        int throttled;
        final List<SecretProblem> offenders = new ArrayList<>();
        final List<SecretProblem> failures = new ArrayList<>();
        Duration elapsed = Duration.ZERO;

        MigrationReport build() {
            return new MigrationReport(this);
        }
    }
}
