package dev.secretstore.cli;

import dev.secretstore.ConfigField;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.cli.conformance.ConformanceSummary;
import dev.secretstore.cli.conformance.GroupTally;
import dev.secretstore.cli.conformance.KitRunner;
import dev.secretstore.cli.conformance.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code secretstore conformance}: the provider conformance kit against a configured store (a real cloud
 * account included), with a summary per group and a JUnit XML report for CI.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, description = {
    "Run the provider conformance kit against the configured store.",
    "Prints a summary per group and writes a JUnit XML report for CI.",
    "Without --config: a throwaway local store (never your ~/.secretstore)."})
final class ConformanceCommand extends Subcommand {

    @Mixin
    StoreOption store;

    @Option(names = "--readonly-config", paramLabel = "FILE",
            description = "The same store with read-only credentials (least-privilege tests).")
    Path readonlyConfig;

    @Option(names = "--bad-credentials-config", paramLabel = "FILE",
            description = "The same store with wrong credentials (authentication tests).")
    Path badCredentialsConfig;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "target/conformance-reports",
            description = "Where the JUnit XML report goes (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Override
    public Integer call() {
        try (ConformanceConfigs configs = ConformanceConfigs.prepare(store, readonlyConfig, badCredentialsConfig,
                io().in())) {
            Set<String> credentials = checkOpens(configs);
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put(KitRunner.CONFIG_PROPERTY, configs.main().toString());
            configs.readonly().ifPresent(p -> properties.put(KitRunner.READONLY_CONFIG_PROPERTY, p.toString()));
            configs.badCredentials().ifPresent(p ->
                    properties.put(KitRunner.BAD_CREDENTIALS_CONFIG_PROPERTY, p.toString()));
            Files.createDirectories(reportDir);
            ConformanceSummary summary = KitRunner.run(properties, reportDir, io().terminal()::progress, io().err(),
                    credentials);
            io().terminal().clearProgress();
            if (json()) {
                printJson(document(summary, configs.description()));
            } else {
                printText(summary, configs.description());
            }
            return summary.successful() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            io().terminal().clearProgress();
        }
    }

    /**
     * Config mistakes are reported with their field problems (exit code 2) before any test runs.
     *
     * @return the values of the provider's secret fields in every config, masked in failure messages
     */
    private static Set<String> checkOpens(ConformanceConfigs configs) {
        Map<String, Object> main = ConfigFiles.read(configs.main().toString(), InputStream.nullInputStream());
        List<ConfigField> fields;
        // Opening validates the config; the kit opens its own stores.
        try (SecretStore opened = SecretStores.open(main)) {
            fields = opened.provider().configFields();
        }
        List<Map<String, Object>> all = new ArrayList<>(List.of(main));
        for (Path other : Stream.of(configs.readonly(), configs.badCredentials()).flatMap(Optional::stream).toList()) {
            try {
                all.add(ConfigFiles.read(other.toString(), InputStream.nullInputStream()));
            } catch (RuntimeException unreadable) {
                // The kit reports an unreadable config itself, when it needs it.
            }
        }
        Set<String> credentials = new LinkedHashSet<>();
        for (Map<String, Object> config : all) {
            fields.stream().filter(ConfigField::secret).map(field -> config.get(field.name()))
                    .forEach(value -> collectStrings(value, credentials));
        }
        return credentials;
    }

    private static void collectStrings(Object value, Set<String> into) {
        if (value instanceof String text) {
            into.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(nested -> collectStrings(nested, into));
        } else if (value instanceof Collection<?> list) {
            list.forEach(nested -> collectStrings(nested, into));
        }
    }

    private void printText(ConformanceSummary summary, String target) {
        PrintWriter out = out();
        out.println("Conformance kit against " + target);
        int width = Math.max("TOTAL".length(),
                summary.groups().stream().mapToInt(g -> g.group().length()).max().orElse(0));
        String row = "%-" + width + "s  %6s  %6s  %7s%n";
        out.printf(row, "GROUP", "PASSED", "FAILED", "SKIPPED");
        for (GroupTally g : summary.groups()) {
            out.printf(row, g.group(), g.passed(), g.failed(), g.skipped());
        }
        out.printf(row, "TOTAL", summary.passed(), summary.failed(), summary.skipped());
        printSkips(out, summary.skips());
        printOutcomes(out, "Failed", summary.failures());
        out.println();
        out.println("JUnit XML report: " + reportDir.toAbsolutePath());
        out.println(summary.successful() ? "✓ conformance passed"
                : summary.passed() + summary.skipped() + summary.failed() == 0 ? "✗ no tests ran"
                : "✗ conformance failed");
        out.flush();
    }

    /** Many tests share one reason (a feature the fixture lacks): each reason once, its tests under it. */
    private static void printSkips(PrintWriter out, List<Outcome> skips) {
        if (skips.isEmpty()) {
            return;
        }
        Map<String, List<Outcome>> byReason = new LinkedHashMap<>();
        skips.forEach(skip -> byReason.computeIfAbsent(skip.why(), reason -> new ArrayList<>()).add(skip));
        out.println();
        out.println("Skipped:");
        byReason.forEach((reason, tests) -> {
            out.println("  " + reason);
            tests.forEach(t -> out.println("    - " + shortGroup(t) + " > " + t.test()));
        });
    }

    /** "Round-trip: every value comes back..." reads as "Round-trip" in lists; the table has the full name. */
    private static String shortGroup(Outcome outcome) {
        return outcome.group().replaceFirst(":.*", "");
    }

    private static void printOutcomes(PrintWriter out, String heading, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        out.println();
        out.println(heading + ":");
        for (Outcome o : outcomes) {
            out.println("  " + shortGroup(o) + " > " + o.test());
            o.why().lines().forEach(line -> out.println("      " + line));
        }
    }

    private Map<String, Object> document(ConformanceSummary summary, String target) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("target", target);
        d.put("passed", summary.successful());
        d.put("totals", Map.of("passed", summary.passed(), "failed", summary.failed(), "skipped", summary.skipped()));
        d.put("groups", summary.groups().stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", g.group());
            m.put("passed", g.passed());
            m.put("failed", g.failed());
            m.put("skipped", g.skipped());
            return m;
        }).toList());
        d.put("failures", summary.failures().stream().map(ConformanceCommand::outcome).toList());
        d.put("skips", summary.skips().stream().map(ConformanceCommand::outcome).toList());
        d.put("reportDir", reportDir.toAbsolutePath().toString());
        return d;
    }

    private static Map<String, Object> outcome(Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", o.group());
        m.put("test", o.test());
        m.put("reason", o.why());
        return m;
    }
}
