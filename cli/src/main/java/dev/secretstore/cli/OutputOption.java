package dev.secretstore.cli;

import picocli.CommandLine.Option;

/** {@code --output text|json}, mixed into every command. */
public final class OutputOption {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: one JSON document on stdout, for scripts.")
    OutputFormat format = OutputFormat.text;

    boolean json() {
        return format == OutputFormat.json;
    }
}
