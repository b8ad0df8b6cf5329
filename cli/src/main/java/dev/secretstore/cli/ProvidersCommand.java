package dev.secretstore.cli;

import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ProviderInfo;
import dev.secretstore.ProviderLoadFailure;
import dev.secretstore.SecretStores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code secretstore providers}: what is installed, read from each provider's own descriptor. */
@Command(name = "providers", mixinStandardHelpOptions = true, description = "List the installed providers, their capabilities and config fields.")
final class ProvidersCommand extends Subcommand {

    @Override
    public Integer call() {
        List<ProviderInfo> providers = SecretStores.installedProviders();
        List<ProviderLoadFailure> failures = SecretStores.providerLoadFailures();
        List<Path> withoutProvider = ProviderJars.withoutProviderInCurrentCommand();
        if (json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("providers", providers.stream().map(ProvidersCommand::describe).toList());
            document.put("failures", failures.stream().map(ProvidersCommand::describe).toList());
            document.put("jarsWithoutProvider", withoutProvider.stream().map(Path::toString).toList());
            printJson(document);
        } else {
            printText(providers, failures);
            printWithoutProvider(withoutProvider);
        }
        return ExitCodes.OK;
    }

    private void printText(List<ProviderInfo> providers, List<ProviderLoadFailure> failures) {
        PrintWriter out = out();
        if (providers.isEmpty()) {
            out.println("No providers installed.");
        }
        for (ProviderInfo p : providers) {
            out.println(p.name() + "  (type " + p.type() + ", version " + p.version() + ")");
            out.println("  " + p.description());
            p.source().ifPresent(source -> out.println("  from: " + source));
            out.println("  capabilities: " + (p.capabilities().isEmpty() ? "-"
                    : p.capabilities().stream().map(Capability::name).sorted().collect(Collectors.joining(", "))));
            out.println("  config fields:");
            int width = p.configFields().stream().mapToInt(f -> f.name().length()).max().orElse(0);
            for (ConfigField f : p.configFields()) {
                out.printf("    %-" + width + "s  %-8s %-9s%s  %s%n", f.name(), f.type().name().toLowerCase(Locale.ROOT),
                        f.required() ? "required" : "optional", f.secret() ? "  secret" : "        ",
                        fieldNotes(f));
            }
            out.println();
        }
        if (!failures.isEmpty()) {
            out.println("Providers that failed to load (skipped):");
            for (ProviderLoadFailure f : failures) {
                out.println("  " + f);
            }
        }
        out.flush();
    }

    private void printWithoutProvider(List<Path> jars) {
        if (jars.isEmpty()) {
            return;
        }
        PrintWriter out = out();
        out.println("Jars in --providers-dir that declare no provider (no " + ProviderJars.SERVICES_ENTRY + "):");
        jars.forEach(jar -> out.println("  " + jar));
        out.println("  Expected for a provider's dependencies. A provider jar needs that entry: @AutoService writes it"
                + " only when the auto-service annotation processor runs at compile time.");
        out.flush();
    }

    private static String fieldNotes(ConfigField f) {
        StringBuilder notes = new StringBuilder(f.description());
        if (!f.allowedValues().isEmpty()) {
            notes.append(" (one of ").append(String.join(", ", f.allowedValues())).append(')');
        }
        f.defaultValue().ifPresent(d -> notes.append(" [default: ").append(d).append(']'));
        return notes.toString();
    }

    private static Map<String, Object> describe(ProviderInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("type", p.type());
        m.put("version", p.version());
        m.put("description", p.description());
        p.source().ifPresent(source -> m.put("source", source));
        m.put("capabilities", p.capabilities().stream().map(Capability::name).sorted().toList());
        m.put("configFields", p.configFields().stream().map(ProvidersCommand::describe).toList());
        return m;
    }

    private static Map<String, Object> describe(ConfigField f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("type", f.type().name());
        m.put("required", f.required());
        m.put("secret", f.secret());
        m.put("description", f.description());
        f.defaultValue().ifPresent(d -> m.put("default", d));
        if (!f.allowedValues().isEmpty()) {
            m.put("allowedValues", List.copyOf(f.allowedValues()));
        }
        return m;
    }

    private static Map<String, Object> describe(ProviderLoadFailure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("providerClass", f.providerClass());
        f.source().ifPresent(source -> m.put("source", source));
        m.put("reason", f.reason());
        return m;
    }
}
