package dev.secretstore.cli;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.migrate.Migration;
import dev.secretstore.migrate.MigrationJournalException;
import dev.secretstore.migrate.MigrationListener;
import dev.secretstore.migrate.MigrationReport;
import dev.secretstore.migrate.SecretOutcome;
import dev.secretstore.migrate.SecretProblem;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code secretstore migrate}: moves managed secrets between two stores, verified and resumable. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy every managed secret (all live versions where both stores allow, and its tags) from one"
                + " store to another; each copy is read back and compared by digest.",
            "A journal (names, versions and digests, never values) makes a killed run resumable: run the same"
                + " command again. A run over a finished migration writes nothing."})
final class MigrateCommand extends Subcommand {

    private static final int SHOWN_PROBLEMS = 50;
    private static final long PROGRESS_EVERY_NANOS = 100_000_000L;

    @Option(names = "--from", required = true, paramLabel = "FILE|-", description = "Config of the source store (JSON).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "FILE|-", description = "Config of the target store (JSON).")
    String to;

    @Option(names = "--prefix", paramLabel = "P", description = "Only secrets whose names start with P.")
    String prefix;

    @Option(names = "--dry-run", description = "List the secrets and check every name and tag against the target;"
            + " write nothing.")
    boolean dryRun;

    @Option(names = "--delete-source", description = "After a fully successful run, delete from the source each"
            + " secret whose copy was verified (soft delete where the store has one).")
    boolean deleteSource;

    @Option(names = "--journal", paramLabel = "FILE", description = "The journal file (default:"
            + " secretstore-migrate-<hash of --from, --to and --prefix>.journal in the current directory).")
    Path journal;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Most secrets copied at once (default 8); lowered while a store throttles.")
    int concurrency;

    @Override
    public Integer call() {
        if (ConfigFiles.STDIN.equals(from) && ConfigFiles.STDIN.equals(to)) {
            throw new UsageException("--from and --to cannot both read stdin; give at least one as a file");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new UsageException("--concurrency must be between 1 and 256");
        }
        Path journalFile = journal != null ? journal : defaultJournal();
        Map<String, Object> fromConfig = ConfigFiles.read(from, io().in(), "--from");
        Map<String, Object> toConfig = ConfigFiles.read(to, io().in(), "--to");
        MigrationReport report;
        try (SecretStore source = SecretStores.open(fromConfig); SecretStore target = SecretStores.open(toConfig)) {
            report = Migration.builder(source, target)
                    .journal(dryRun && journal == null && !journalFile.toFile().exists() ? null : journalFile)
                    .prefix(prefix).dryRun(dryRun).deleteSource(deleteSource).concurrency(concurrency)
                    .listener(new ProgressBar()).build().run();
        } catch (MigrationJournalException e) {
            throw new UsageException(e.getMessage());
        } finally {
            io().terminal().clearProgress();
        }
        if (json()) {
            printJson(document(report, journalFile));
        } else {
            printText(report, journalFile);
        }
        return report.succeeded() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** One journal per (source, target, prefix) by default, so reruns of the same command resume the same run. */
    private Path defaultJournal() {
        String key = Path.of(from).toAbsolutePath().normalize() + "\n" + Path.of(to).toAbsolutePath().normalize()
                + "\n" + (prefix == null ? "" : prefix);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Path.of("secretstore-migrate-" + HexFormat.of().formatHex(hash, 0, 6) + ".journal");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts, rate and ETA on one stderr line, only when a person is watching (the terminal decides). */
    private final class ProgressBar implements MigrationListener {
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private volatile int total;
        private volatile long startNanos;
        private volatile long lastNanos;

        @Override
        public void started(int secrets) {
            total = secrets;
            startNanos = System.nanoTime();
            show(startNanos);
        }

        @Override
        public void finished(SecretName name, SecretOutcome outcome) {
            done.incrementAndGet();
            if (outcome == SecretOutcome.FAILED) {
                failed.incrementAndGet();
            }
            long now = System.nanoTime();
            if (now - lastNanos >= PROGRESS_EVERY_NANOS || done.get() == total) {
                show(now);
            }
        }

        private synchronized void show(long now) {
            lastNanos = now;
            int n = done.get();
            int width = 24;
            int filled = total == 0 ? width : (int) ((long) n * width / total);
            double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
            double rate = n / seconds;
            String eta = rate <= 0 || n == 0 ? "--" : duration((total - n) / rate);
            io().terminal().progress("[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + n + "/" + total
                    + (failed.get() > 0 ? "  " + failed.get() + " failed" : "")
                    + String.format(Locale.ROOT, "  %.0f/s  ETA %s", rate, eta));
        }
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + "s" : (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }

    private void printText(MigrationReport r, Path journalFile) {
        PrintWriter out = out();
        String route = r.sourceProvider() + " -> " + r.targetProvider() + r.prefix().map(p -> " (prefix '" + p + "')")
                .orElse("");
        if (r.dryRun()) {
            out.println("Dry run " + route + ": " + r.secrets() + " managed secret(s); " + r.copied() + " to copy, "
                    + r.alreadyMigrated() + " already migrated; nothing was written.");
        } else {
            out.println((r.succeeded() ? "Migrated " : "Migration incomplete ") + route + ": " + r.secrets()
                    + " managed secret(s).");
            out.printf(Locale.ROOT, "  %-20s %d (%d version(s))%n", "copied, verified", r.copied(), r.versionsCopied());
            out.printf(Locale.ROOT, "  %-20s %d%n", "already migrated", r.alreadyMigrated());
            out.printf(Locale.ROOT, "  %-20s %d%n", "failed", r.failures().size());
            if (deleteSource) {
                out.printf(Locale.ROOT, "  %-20s %d%s%n", "deleted from source", r.deletedFromSource(),
                        r.deletionSkipped().map(s -> " (" + s + ")").orElse(""));
            }
            if (r.throttled() > 0) {
                out.printf(Locale.ROOT, "  %-20s %d time(s); the run slowed down%n", "throttled", r.throttled());
            }
            out.printf(Locale.ROOT, "  %-20s %s%n", "journal", journalFile);
            double seconds = Math.max(1e-3, r.elapsed().toMillis() / 1000.0);
            out.printf(Locale.ROOT, "  %-20s %.1f s (%.0f secrets/s)%n", "elapsed", seconds,
                    (r.copied() + r.alreadyMigrated()) / seconds);
        }
        out.println("  history: " + r.history());
        if (!r.offenders().isEmpty()) {
            out.println("The target cannot hold " + r.offenders().size() + " of them, so nothing was written:");
            printProblems(out, r.offenders());
        }
        if (!r.failures().isEmpty()) {
            out.println("Failed (run the same command again to retry them):");
            printProblems(out, r.failures());
        }
        out.flush();
    }

    private static void printProblems(PrintWriter out, List<SecretProblem> problems) {
        problems.stream().limit(SHOWN_PROBLEMS).forEach(p -> out.println("  " + p.name().value() + ": " + p.reason()));
        if (problems.size() > SHOWN_PROBLEMS) {
            out.println("  ... and " + (problems.size() - SHOWN_PROBLEMS) + " more (all of them with --output json)");
        }
    }

    private Map<String, Object> document(MigrationReport r, Path journalFile) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("dryRun", r.dryRun());
        d.put("source", r.sourceProvider());
        d.put("target", r.targetProvider());
        d.put("prefix", r.prefix().orElse(null));
        d.put("allVersions", r.allVersions());
        d.put("history", r.history());
        d.put("secrets", r.secrets());
        d.put("copied", r.copied());
        d.put("alreadyMigrated", r.alreadyMigrated());
        d.put("versionsCopied", r.versionsCopied());
        d.put("deletedFromSource", r.deletedFromSource());
        d.put("deletionSkipped", r.deletionSkipped().orElse(null));
        d.put("throttled", r.throttled());
        d.put("offenders", problems(r.offenders()));
        d.put("failures", problems(r.failures()));
        d.put("journal", journalFile.toString());
        d.put("elapsedMillis", r.elapsed().toMillis());
        d.put("succeeded", r.succeeded());
        d.put("exitCode", r.succeeded() ? ExitCodes.OK : ExitCodes.CHECK_FAILED);
        return d;
    }

    private static List<Map<String, String>> problems(List<SecretProblem> problems) {
        return problems.stream().map(p -> Map.of("name", p.name().value(), "reason", p.reason())).toList();
    }
}
