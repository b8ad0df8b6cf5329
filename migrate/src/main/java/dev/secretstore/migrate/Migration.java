package dev.secretstore.migrate;

import dev.secretstore.DeleteOptions;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStoreException;
import dev.secretstore.ThrottledException;
import dev.secretstore.UnsupportedCapabilityException;
import dev.secretstore.migrate.internal.AdaptiveLimit;
import dev.secretstore.migrate.internal.Journal;
import dev.secretstore.migrate.internal.SecretCopier;
import dev.secretstore.migrate.internal.SecretState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Moves every managed secret under a prefix from one store to another, through the engine of each (so the
 * target's managed tag, limits and naming rules apply), for any two providers. Each version written is read back
 * from the target and compared by digest; a journal file (names, version ids and digests, never values) makes a
 * killed run resumable without copying anything twice, and a run over a finished migration writes nothing.
 *
 * <pre>{@code
 * try (SecretStore from = SecretStores.open(localConfig); SecretStore to = SecretStores.open(awsConfig)) {
 *     MigrationReport report = Migration.builder(from, to)
 *             .journal(Path.of("to-aws.journal"))
 *             .prefix("connections/")
 *             .build()
 *             .run();
 * }
 * }</pre>
 *
 * <p>Before anything is written, every name and tag is checked against the target
 * ({@link SecretStore#checkWritable}); if any cannot be held there, the run writes nothing and reports them all
 * ({@link MigrationReport#offenders()}). {@link Builder#dryRun} stops after that check. Every live version is
 * copied, oldest first, where the source can list versions ({@link dev.secretstore.Capability#LIST_VERSIONS}) and
 * the target keeps them; otherwise the latest only, and the report says so. With {@link Builder#deleteSource}
 * the source copies of verified secrets are deleted once the whole run has succeeded, only if they did not change
 * since. A {@link ThrottledException} that escapes a provider's retry policy makes the run back off, retry that
 * secret and lower its concurrency; it never fails the run unless it persists for
 * {@link Builder#throttleRetries} attempts.
 */
public final class Migration {

    private final SecretStore source;
    private final SecretStore target;
    private final Path journalPath;
    private final String prefix;
    private final boolean dryRun;
    private final boolean deleteSource;
    private final int concurrency;
    private final int throttleRetries;
    private final Duration throttleBackoff;
    private final Duration maxThrottleBackoff;
    private final MigrationListener listener;

    private Migration(Builder b) {
        this.source = b.source;
        this.target = b.target;
        this.journalPath = b.journal;
        this.prefix = b.prefix == null || b.prefix.isEmpty() ? null : b.prefix;
        this.dryRun = b.dryRun;
        this.deleteSource = b.deleteSource;
        this.concurrency = b.concurrency;
        this.throttleRetries = b.throttleRetries;
        this.throttleBackoff = b.throttleBackoff;
        this.maxThrottleBackoff = b.maxThrottleBackoff;
        this.listener = b.listener;
        if (journalPath == null && !dryRun) {
            throw new IllegalArgumentException("a journal file is required (it makes the migration resumable)");
        }
    }

    /**
     * @param source the store to copy from
     * @param target the store to copy to
     * @return a builder
     */
    public static Builder builder(SecretStore source, SecretStore target) {
        return new Builder(source, target);
    }

    /**
     * Runs the migration (or the dry run).
     *
     * @return what was done; failures of single secrets are in it, not thrown
     * @throws MigrationJournalException if the journal cannot be used (nothing was written)
     * @throws SecretStoreException      if the source cannot be listed, or a store fails for good outside a
     *                                   single secret's copy
     */
    public MigrationReport run() {
        Instant start = Instant.now();
        MigrationReport.Builder report = MigrationReport.builder();
        report.dryRun = dryRun;
        report.source = source.providerName();
        report.target = target.providerName();
        report.prefix = prefix;
        Optional<String> latestOnly = SecretCopier.whyLatestOnly(source, target);
        report.allVersions = latestOnly.isEmpty();
        report.history = latestOnly.map(why -> "latest version only: " + why)
                .orElse("every live version, oldest first");
        List<SecretMetadata> secrets = throttleRetrying(null, () -> {
            try (var all = source.listAll(prefix)) {
                return all.sorted(Comparator.comparing(m -> m.name().value())).collect(Collectors.toList());
            }
        });
        report.secrets = secrets.size();
        report.offenders.addAll(offenders(secrets));
        Journal.Header header = new Journal.Header(source.providerName(), target.providerName(), prefix);
        if (dryRun) {
            Map<String, SecretState> known = journalPath == null ? Map.of()
                    : Journal.peek(journalPath, header).orElse(Map.of());
            for (SecretMetadata m : secrets) {
                SecretState s = known.get(m.name().value());
                boolean done = s != null && s.pending().isEmpty() && s.doneAt().isPresent()
                        && m.version().equals(s.doneAt());
                if (done) {
                    report.alreadyMigrated++;
                } else {
                    report.copied++;
                }
            }
            return finish(report, start);
        }
        if (!report.offenders.isEmpty()) {
            if (deleteSource) {
                report.deletion = "nothing was copied: the target cannot hold some names or tags";
            }
            return finish(report, start);
        }
        try (Journal journal = Journal.open(journalPath, header)) {
            copyAll(secrets, journal, report);
            if (deleteSource) {
                deleteVerified(secrets, journal, report);
            }
        }
        return finish(report, start);
    }

    private MigrationReport finish(MigrationReport.Builder report, Instant start) {
        report.failures.sort(Comparator.comparing(p -> p.name().value()));
        report.elapsed = Duration.between(start, Instant.now());
        return report.build();
    }

    private List<SecretProblem> offenders(List<SecretMetadata> secrets) {
        List<SecretProblem> offenders = new ArrayList<>();
        for (SecretMetadata m : secrets) {
            try {
                target.checkWritable(m.name(), SecretCopier.userTags(m, source.managedTagKey()));
            } catch (InvalidRequestException | UnsupportedCapabilityException e) {
                offenders.add(new SecretProblem(m.name(), e.getMessage()));
            }
        }
        return offenders;
    }

    private void copyAll(List<SecretMetadata> secrets, Journal journal, MigrationReport.Builder report) {
        SecretCopier copier = new SecretCopier(source, target, journal, report.allVersions);
        AdaptiveLimit limit = new AdaptiveLimit(concurrency);
        listener.started(secrets.size());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "secretstore-migrate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SecretMetadata m : secrets) {
                futures.add(pool.submit(() -> {
                    limit.acquire();
                    SecretCopier.Result result;
                    try {
                        result = copyOne(copier, m, limit, report);
                    } finally {
                        limit.release();
                    }
                    synchronized (report) {
                        switch (result.outcome()) {
                            case COPIED -> report.copied++;
                            case ALREADY_MIGRATED -> report.alreadyMigrated++;
                            case FAILED -> report.failures.add(new SecretProblem(m.name(), result.failure()));
                        }
                        report.versionsCopied += result.versionsCopied();
                    }
                    listener.finished(m.name(), result.outcome());
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the migration was interrupted; rerun it to continue", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private SecretCopier.Result copyOne(SecretCopier copier, SecretMetadata m, AdaptiveLimit limit,
            MigrationReport.Builder report) {
        for (int attempt = 1; ; attempt++) {
            try {
                SecretCopier.Result r = copier.copy(m);
                limit.succeeded();
                return r;
            } catch (ThrottledException e) {
                int now = limit.throttled();
                synchronized (report) {
                    report.throttled++;
                }
                listener.throttled(m.name(), now);
                if (attempt >= throttleRetries) {
                    return new SecretCopier.Result(SecretOutcome.FAILED, 0, "still throttled after " + attempt
                            + " attempts: " + e.getMessage() + "; rerun the migration later");
                }
                sleep(backoff(attempt, e));
            } catch (SecretStoreException e) {
                return new SecretCopier.Result(SecretOutcome.FAILED, 0, e.getMessage());
            }
        }
    }

    /** Deletes from the source only what was verified in the target, only after a fully successful run. */
    private void deleteVerified(List<SecretMetadata> secrets, Journal journal, MigrationReport.Builder report) {
        if (!report.failures.isEmpty()) {
            report.deletion = "nothing was deleted from the source: " + report.failures.size()
                    + " secret(s) failed; rerun until the migration succeeds";
            return;
        }
        for (SecretMetadata m : secrets) {
            SecretName name = m.name();
            SecretState state = journal.state(name.value());
            if (state.isDeleted() || state.doneAt().isEmpty() || state.pending().isPresent()) {
                continue;
            }
            try {
                throttleRetrying(name, () -> {
                    Optional<SecretMetadata> now = source.find(name);
                    if (now.isEmpty()) {
                        return null;
                    }
                    if (now.get().version().isPresent() && !now.get().version().equals(state.doneAt())) {
                        synchronized (report) {
                            report.failures.add(new SecretProblem(name, "it changed in the source (version "
                                    + now.get().version().get() + ") after it was copied; not deleted, rerun the"
                                    + " migration to copy the change"));
                        }
                        return null;
                    }
                    source.delete(name, DeleteOptions.defaults()); // the engine refuses a secret that is not managed
                    journal.deleted(name.value());
                    report.deleted++;
                    listener.deletedFromSource(name);
                    return null;
                });
            } catch (SecretStoreException e) {
                report.failures.add(new SecretProblem(name, "copied and verified, but not deleted from the source: "
                        + e.getMessage()));
            }
        }
    }

    private <T> T throttleRetrying(SecretName name, Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (ThrottledException e) {
                if (attempt >= throttleRetries) {
                    throw e;
                }
                listener.throttled(name, concurrency);
                sleep(backoff(attempt, e));
            }
        }
    }

    /** Full jitter up to an exponential cap, and never less than the store's Retry-After. */
    private Duration backoff(int attempt, ThrottledException e) {
        long cap = Math.min(maxThrottleBackoff.toMillis(), throttleBackoff.toMillis() << Math.min(attempt - 1, 20));
        long millis = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        long retryAfter = e.retryAfter().map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.max(millis, Math.min(retryAfter, maxThrottleBackoff.toMillis())));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the migration was interrupted; rerun it to continue", e);
        }
    }

    @Override
    public String toString() {
        return "Migration[" + source.providerName() + " -> " + target.providerName()
                + (prefix == null ? "" : ", prefix=" + prefix) + (dryRun ? ", dry run" : "") + "]";
    }

    /** Builder of {@link Migration}. */
    public static final class Builder {
        private final SecretStore source;
        private final SecretStore target;
        private Path journal;
        private String prefix;
        private boolean dryRun;
        private boolean deleteSource;
        private int concurrency = 8;
        private int throttleRetries = 10;
        private Duration throttleBackoff = Duration.ofMillis(200);
        private Duration maxThrottleBackoff = Duration.ofSeconds(20);
        private MigrationListener listener = MigrationListener.NONE;

        private Builder(SecretStore source, SecretStore target) {
            this.source = Objects.requireNonNull(source, "source");
            this.target = Objects.requireNonNull(target, "target");
        }

        /**
         * @param file the journal; created if absent, resumed if present (required unless a dry run, where it
         *             is only read, to count what is done)
         * @return this
         */
        public Builder journal(Path file) {
            this.journal = file;
            return this;
        }

        /**
         * @param prefix only secrets whose names start with it; {@code null} or empty for all
         * @return this
         */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /**
         * @param dryRun list and check only: write nothing, not even the journal
         * @return this
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * @param deleteSource after a fully successful run, delete from the source each secret whose copy was
         *                     verified and that did not change since
         * @return this
         */
        public Builder deleteSource(boolean deleteSource) {
            this.deleteSource = deleteSource;
            return this;
        }

        /**
         * @param concurrency most secrets copied at once (default 8); lowered while a store throttles
         * @return this
         */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1 || concurrency > 256) {
                throw new IllegalArgumentException("concurrency must be between 1 and 256");
            }
            this.concurrency = concurrency;
            return this;
        }

        /**
         * How long a throttled secret is retried: after {@code attempts} throttled attempts (default 10) it fails
         * (the run goes on; a rerun retries it). Backoff starts at {@code initial} (default 200 ms), doubles, and
         * is at most {@code max} (default 20 s), with full jitter; a store's Retry-After is honoured.
         *
         * @param attempts attempts per secret, at least 1
         * @param initial  first backoff
         * @param max      longest backoff
         * @return this
         */
        public Builder throttleRetries(int attempts, Duration initial, Duration max) {
            if (attempts < 1 || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("need attempts >= 1 and 0 < initial <= max");
            }
            this.throttleRetries = attempts;
            this.throttleBackoff = initial;
            this.maxThrottleBackoff = max;
            return this;
        }

        /**
         * @param listener progress callbacks (thread-safe)
         * @return this
         */
        public Builder listener(MigrationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the migration */
        public Migration build() {
            return new Migration(this);
        }
    }
}
