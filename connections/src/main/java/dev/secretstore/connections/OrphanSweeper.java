package dev.secretstore.connections;

import dev.secretstore.Capability;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.NotManagedException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Deletes managed connection secrets that no config references: those left by a process that died
 * between writing secrets and persisting its config, by an update whose commit never ran, or by a check
 * call. A secret is an orphan when its name is a managed coordinate that is not in the live set, it
 * carries the managed tag (the engine lists nothing else, and the sweeper checks again), and either its
 * {@value ConnectionSecrets#EXPIRES_AT_TAG} tag has passed or, without that tag, it is older than the grace
 * period. The grace period protects updates in flight: make it longer than any write-then-persist takes.
 *
 * <pre>{@code
 * OrphanSweeper sweeper = OrphanSweeper.builder(store).grace(Duration.ofHours(1)).build();
 * SweepReport report = sweeper.sweep(ConnectionSecrets.liveCoordinates(db.allConfigs()), true);  // dry run
 * report.lines().forEach(System.out::println);
 * }</pre>
 */
public final class OrphanSweeper {

    private final SecretStore store;
    private final Duration grace;
    private final Clock clock;
    private final DeleteOptions deleteOptions;

    private OrphanSweeper(Builder b) {
        this.store = b.store;
        this.grace = b.grace;
        this.clock = b.clock;
        this.deleteOptions = b.deleteOptions;
    }

    /**
     * @param store the store to sweep
     * @return a builder (grace period default 24 hours)
     */
    public static Builder builder(SecretStore store) {
        return new Builder(store);
    }

    /**
     * @param liveCoordinates every coordinate referenced by a persisted config ({@link ConnectionSecrets#liveCoordinates})
     * @param dryRun          report only; delete nothing
     * @return what was (or would be) deleted
     */
    public SweepReport sweep(Set<String> liveCoordinates, boolean dryRun) {
        Objects.requireNonNull(liveCoordinates, "liveCoordinates");
        Instant now = clock.instant();
        String tagKey = store.managedTagKey();
        List<SweptSecret> orphans = new ArrayList<>();
        int examined = 0;
        int young = 0;
        // The whole listing first: deleting while paging could make some stores skip entries.
        List<SecretMetadata> listing;
        try (Stream<SecretMetadata> listed = store.supports(Capability.LIST_BY_PREFIX)
                ? store.listAll("airbyte_") : store.listAll(null)) {
            listing = listed.toList();
        }
        {
            for (SecretMetadata meta : listing) {
                String name = meta.name().value();
                if (!meta.isManaged(tagKey) || SecretCoordinate.parse(name).isEmpty()) {
                    continue;
                }
                examined++;
                if (liveCoordinates.contains(name)) {
                    continue;
                }
                Optional<String> why = orphanReason(meta, now);
                if (why.isEmpty()) {
                    young++;
                    continue;
                }
                orphans.add(dryRun ? new SweptSecret(name, why.get(), SweptSecret.Outcome.WOULD_DELETE) : delete(meta, why.get()));
            }
        }
        return new SweepReport(dryRun, examined, orphans, young);
    }

    private Optional<String> orphanReason(SecretMetadata meta, Instant now) {
        Optional<Instant> expiresAt = expiry(meta);
        if (expiresAt.isPresent()) {
            return expiresAt.get().isAfter(now) ? Optional.empty()
                    : Optional.of("unreferenced, short-lived, expired " + expiresAt.get());
        }
        Optional<Instant> born = meta.createdAt().or(meta::updatedAt);
        if (born.isEmpty()) {
            return Optional.empty(); // cannot tell its age, so it may belong to an update in flight: kept
        }
        return born.get().plus(grace).isAfter(now) ? Optional.empty()
                : Optional.of("unreferenced, created " + born.get() + ", older than " + grace);
    }

    /** The store's own expiry, else the tag's; an unreadable tag falls back to the grace period. */
    private static Optional<Instant> expiry(SecretMetadata meta) {
        if (meta.expiresAt().isPresent()) {
            return meta.expiresAt();
        }
        String tag = meta.tags().get(ConnectionSecrets.EXPIRES_AT_TAG);
        if (tag == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(tag.trim())));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private SweptSecret delete(SecretMetadata meta, String reason) {
        String name = meta.name().value();
        try {
            store.delete(meta.name(), deleteOptions);
            return new SweptSecret(name, reason, SweptSecret.Outcome.DELETED);
        } catch (SecretNotFoundException gone) {
            return new SweptSecret(name, reason, SweptSecret.Outcome.ALREADY_GONE);
        } catch (NotManagedException notOurs) {
            return new SweptSecret(name, reason + "; not deleted: it lost the managed tag", SweptSecret.Outcome.FAILED);
        } catch (SecretStoreException e) {
            return new SweptSecret(name, reason + "; " + e.getMessage(), SweptSecret.Outcome.FAILED);
        }
    }

    /** Builder of {@link OrphanSweeper}. */
    public static final class Builder {
        private final SecretStore store;
        private Duration grace = Duration.ofHours(24);
        private Clock clock = Clock.systemUTC();
        private DeleteOptions deleteOptions = DeleteOptions.defaults();

        private Builder(SecretStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * @param grace minimum age of an unreferenced secret before it is deleted; zero or more
         * @return this
         */
        public Builder grace(Duration grace) {
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("the grace period must be zero or more");
            }
            this.grace = grace;
            return this;
        }

        /**
         * @param clock the clock (tests)
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param options how orphans are deleted (default: the store's soft delete)
         * @return this
         */
        public Builder deleteOptions(DeleteOptions options) {
            this.deleteOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** @return the sweeper */
        public OrphanSweeper build() {
            return new OrphanSweeper(this);
        }
    }
}
