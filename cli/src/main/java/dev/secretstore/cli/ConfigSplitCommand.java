package dev.secretstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.SecretStore;
import dev.secretstore.connections.ConnectionConfigException;
import dev.secretstore.connections.ConnectionSecrets;
import dev.secretstore.connections.SecretScope;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code secretstore config split}: write a connector config's secrets to the store, print the sanitised config. */
@Command(name = "split", mixinStandardHelpOptions = true, description = {
    "Write the secrets of the connector config on stdin to the store and print the sanitised config,",
    "where each secret is a reference {\"_secret\": \"airbyte_<scope>_<id>_secret_<uuid>_v1\"}.",
    "A value secret_coordinate::NAME becomes a reference to your existing secret NAME (never written)."})
final class ConfigSplitCommand implements Callable<Integer> {

    @ParentCommand
    ConfigCommand parent;

    @Mixin
    StoreOption store;

    @Option(names = "--spec", required = true, paramLabel = "FILE",
            description = "The connector spec (JSON Schema, or a document with connectionSpecification).")
    Path spec;

    @Option(names = "--scope", required = true, paramLabel = "workspace:ID|organization:ID",
            description = "Who owns the secrets; the first part of their coordinates.")
    String scope;

    @Option(names = "--storage-id", paramLabel = "ID",
            description = "Record this store id in the references (when your platform keeps several stores).")
    String storageId;

    @Override
    public Integer call() {
        Io io = parent.io();
        if (store.readsStdin()) {
            throw new UsageException("stdin carries the connector config, so give the store config as a file");
        }
        SecretScope owner;
        try {
            owner = SecretScope.parse(scope);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--scope: " + e.getMessage());
        }
        JsonNode specNode = ConnectorJson.readFile(spec, "--spec");
        JsonNode config = ConnectorJson.readStdin(io, "connector config");
        try (SecretStore opened = store.open(io.in())) {
            ConnectionSecrets secrets = storageId == null ? ConnectionSecrets.of(opened)
                    : ConnectionSecrets.builder().store(storageId, opened).build();
            ConnectorJson.print(io, secrets.create(specNode, config, owner, storageId));
            return ExitCodes.OK;
        } catch (ConnectionConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
