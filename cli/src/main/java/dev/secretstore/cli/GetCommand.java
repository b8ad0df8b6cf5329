package dev.secretstore.cli;

import dev.secretstore.Secret;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code secretstore get NAME}: the one command that prints a value, because the user asked for it. */
@Command(name = "get", description = {
    "Print a secret's value exactly, with no newline added (--newline adds one);",
    "binary values as base64.",
    "This is the only command that ever prints a value."})
final class GetCommand extends Subcommand {

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "NAME", description = "Secret name.")
    String name;

    @Option(names = "--version", paramLabel = "V", description = "A specific version (default: the latest).")
    String version;

    @Option(names = "--newline", description = "Print a newline after the value (by default the value is printed"
            + " exactly, so that $(secretstore get ...) and redirection keep its bytes).")
    boolean newline;

    /** Only --help: the standard -V/--version would clash with the secret's --version. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        SecretName secretName = SecretName.of(name);
        try (SecretStore opened = store.open(io().in())) {
            Secret secret = version == null ? opened.read(secretName) : opened.read(secretName, version);
            SecretValue value = secret.value();
            if (json()) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("name", secret.name().value());
                document.put("version", secret.version());
                document.put("encoding", value.isText() ? "text" : "base64");
                document.put("value", value.isText() ? value.text() : Base64.getEncoder().encodeToString(value.bytes()));
                printJson(document);
            } else if (value.isText()) {
                out().print(value.text());
            } else {
                io().err().println("(binary value, printed as base64)");
                out().print(Base64.getEncoder().encodeToString(value.bytes()));
            }
            if (newline && !json()) {
                out().println();
            }
            out().flush();
            value.destroy();
            return ExitCodes.OK;
        }
    }
}
