package dev.secretstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.connections.ConfigMasker;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code secretstore config mask}: the config on stdin with every secret and reference as {@code **********}. */
@Command(name = "mask", mixinStandardHelpOptions = true, description = {
    "Print the connector config on stdin with every secret value the spec marks, and every reference,",
    "replaced by **********: for logs, tickets and API responses. Needs no store."})
final class ConfigMaskCommand implements Callable<Integer> {

    @ParentCommand
    ConfigCommand parent;

    @Option(names = "--spec", required = true, paramLabel = "FILE",
            description = "The connector spec (JSON Schema, or a document with connectionSpecification).")
    Path spec;

    @Override
    public Integer call() {
        Io io = parent.io();
        JsonNode specNode = ConnectorJson.readFile(spec, "--spec");
        ConnectorJson.print(io, ConfigMasker.mask(specNode, ConnectorJson.readStdin(io, "connector config")));
        return ExitCodes.OK;
    }
}
