package dev.secretstore.cli;

import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code secretstore list}: the managed secrets, every page, with progress on a terminal. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the managed secrets (names and metadata, never values).")
final class ListCommand extends Subcommand {

    private static final int PROGRESS_EVERY = 100;

    @Mixin
    StoreOption store;

    @Option(names = "--prefix", paramLabel = "P", description = "Only names starting with P.")
    String prefix;

    @Override
    public Integer call() {
        List<SecretMetadata> secrets = new ArrayList<>();
        String managedTagKey;
        try (SecretStore opened = store.open(io().in()); Stream<SecretMetadata> all = opened.listAll(prefix)) {
            managedTagKey = opened.managedTagKey();
            all.forEach(m -> {
                secrets.add(m);
                if (secrets.size() % PROGRESS_EVERY == 0) {
                    io().terminal().progress("listed " + secrets.size() + " secrets...");
                }
            });
        } finally {
            io().terminal().clearProgress();
        }
        if (json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("secrets", secrets.stream().map(m -> SecretDocuments.metadata(m, managedTagKey)).toList());
            printJson(document);
        } else {
            printTable(secrets);
        }
        return ExitCodes.OK;
    }

    private void printTable(List<SecretMetadata> secrets) {
        PrintWriter out = out();
        if (secrets.isEmpty()) {
            out.println(prefix == null ? "No managed secrets." : "No managed secrets starting with '" + prefix + "'.");
            out.flush();
            return;
        }
        int width = Math.max("NAME".length(), secrets.stream().mapToInt(m -> m.name().value().length()).max().orElse(0));
        String format = "%-" + width + "s  %-10s  %s%n";
        out.printf(format, "NAME", "VERSION", "UPDATED");
        long damaged = 0;
        for (SecretMetadata m : secrets) {
            if (m.integrityProblem().isPresent()) {
                damaged++;
                out.printf(format, m.name().value(), "DAMAGED", m.integrityProblem().get());
                continue;
            }
            out.printf(format, m.name().value(), shorten(m.version().orElse("-")),
                    m.updatedAt().or(m::createdAt).map(Object::toString).orElse("-"));
        }
        out.println(secrets.size() + (secrets.size() == 1 ? " secret" : " secrets")
                + (damaged == 0 ? "" : ", " + damaged + " damaged (restore from a backup, or `delete --force` to drop)"));
        out.flush();
    }

    /** Cloud version ids are UUID-long; the full id is in --output json and describe. */
    private static String shorten(String version) {
        return version.length() <= 10 ? version : version.substring(0, 8) + "..";
    }
}
