package dev.secretstore.cli;

import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code secretstore describe NAME}: metadata and tags, no value. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Show a secret's metadata and tags (never its value).")
final class DescribeCommand extends Subcommand {

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "NAME", description = "Secret name.")
    String name;

    @Override
    public Integer call() {
        SecretName secretName = SecretName.of(name);
        try (SecretStore opened = store.open(io().in())) {
            SecretMetadata metadata = opened.describe(secretName);
            Map<String, Object> document = SecretDocuments.metadata(metadata, opened.managedTagKey());
            if (json()) {
                printJson(document);
            } else {
                PrintWriter out = out();
                for (Map.Entry<String, Object> field : document.entrySet()) {
                    if (field.getValue() instanceof Map<?, ?> tags) {
                        out.println("tags:");
                        tags.forEach((k, v) -> out.println("  " + k + "=" + v));
                    } else {
                        out.println(field.getKey() + ": " + field.getValue());
                    }
                }
                out.flush();
            }
            return ExitCodes.OK;
        }
    }
}
