package dev.secretstore.cli;

import dev.secretstore.ConfigField;
import dev.secretstore.SecretStores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code secretstore policy <provider> [--option value]...}: prints the least-privilege setup the provider
 * recommends. The options belong to the provider ({@code SecretStoreProvider.policyOptions()}), so they are
 * collected here and checked by the SPI, which names unknown or missing ones without quoting a value.
 */
@Command(name = "policy", mixinStandardHelpOptions = true, description = {
        "Print the least-privilege policy (or the role-assignment commands) a provider recommends.",
        "Options depend on the provider, e.g. 'secretstore policy aws --tag-key AirbyteManaged';",
        "'secretstore policy <provider> --help-options' lists them."})
final class PolicyCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "PROVIDER", description = "The provider, e.g. aws, azure, gcp.")
    String provider;

    @Unmatched
    List<String> providerOptions = new ArrayList<>();

    @Override
    public Integer call() {
        if (providerOptions.contains("--help-options")) {
            printOptions(SecretStores.policyOptions(provider));
            return ExitCodes.OK;
        }
        Map<String, String> options = parse(providerOptions);
        String policy = SecretStores.recommendedPolicy(provider, options).orElseThrow(() ->
                new UsageException("provider '" + provider + "' has no policy recommendation to print"));
        if (json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("provider", provider);
            document.put("policy", policy);
            printJson(document);
        } else {
            out().println(policy);
            out().flush();
        }
        return ExitCodes.OK;
    }

    private void printOptions(List<ConfigField> fields) {
        if (fields.isEmpty()) {
            out().println("provider '" + provider + "' takes no policy options");
        }
        for (ConfigField f : fields) {
            out().printf("  --%s  %s%s%s%n", f.name(), f.required() ? "required" : "optional",
                    f.description().isEmpty() ? "" : "  " + f.description(),
                    f.defaultValue().map(d -> " [default: " + d + "]").orElse(""));
        }
        out().flush();
    }

    /** {@code --name value} or {@code --name=value}; a stray word is refused without being repeated. */
    static Map<String, String> parse(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("policy options are written --name value; argument " + (i + 1)
                        + " after the provider is not an option (not repeated here)");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException("policy option --" + safeName(name) + " needs a value");
            }
            if (options.putIfAbsent(name, value) != null) {
                throw new UsageException("policy option --" + safeName(name) + " is given twice");
            }
        }
        return options;
    }

    // An option name is the user's typing too; only a plausible name is repeated.
    private static String safeName(String name) {
        return name.matches("[A-Za-z][A-Za-z0-9-]{0,40}") ? name.toLowerCase(Locale.ROOT) : "(name not repeated)";
    }
}
