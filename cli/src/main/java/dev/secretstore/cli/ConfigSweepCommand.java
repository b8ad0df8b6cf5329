package dev.secretstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.SecretStore;
import dev.secretstore.connections.ConnectionSecrets;
import dev.secretstore.connections.OrphanSweeper;
import dev.secretstore.connections.SweepReport;
import dev.secretstore.connections.SweptSecret;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code secretstore config sweep}: orphaned connection secrets. A dry run unless {@code --delete}: a live
 * set missing a config would otherwise delete that config's secrets.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, description = {
    "Find managed connection secrets that none of the sanitised configs on stdin (a JSON array of every",
    "persisted config, or one config) references, older than the grace period or past their expiry.",
    "Prints what it would delete; deletes only with --delete."})
final class ConfigSweepCommand implements Callable<Integer> {

    @ParentCommand
    ConfigCommand parent;

    @Mixin
    StoreOption store;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "24h",
            description = "Minimum age of an unreferenced secret: 90m, 24h, 7d, or ISO-8601 (PT1H). Default: 24h.")
    String grace;

    @Option(names = "--delete", description = "Delete the orphans (without it: a dry run).")
    boolean delete;

    @Override
    public Integer call() {
        Io io = parent.io();
        if (store.readsStdin()) {
            throw new UsageException("stdin carries the configs, so give the store config as a file");
        }
        Duration minimumAge = duration(grace);
        JsonNode input = ConnectorJson.readStdin(io, "configs", true);
        List<JsonNode> configs = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(configs::add);
        } else {
            configs.add(input);
        }
        try (SecretStore opened = store.open(io.in())) {
            SweepReport report = OrphanSweeper.builder(opened).grace(minimumAge).build()
                    .sweep(ConnectionSecrets.liveCoordinates(configs), !delete);
            report.lines().forEach(io.out()::println);
            io.out().flush();
            return report.orphans().stream().anyMatch(o -> o.outcome() == SweptSecret.Outcome.FAILED)
                    ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
        }
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return nonNegative(Duration.parse(text.trim()));
            }
            if (t.equals("0")) {
                return Duration.ZERO;
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return nonNegative(switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            });
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new UsageException("--grace: expected a duration such as 90m, 24h, 7d or PT1H");
        }
    }

    private static Duration nonNegative(Duration d) {
        if (d.isNegative()) {
            throw new UsageException("--grace: a duration must not be negative");
        }
        return d;
    }
}
