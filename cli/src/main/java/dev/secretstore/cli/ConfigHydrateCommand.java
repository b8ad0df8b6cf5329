package dev.secretstore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.connections.ConnectionSecrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code secretstore config hydrate}: print the full config, secrets included. It prints values, so it
 * refuses a terminal unless asked: a secret on screen ends up in scrollback and screen shares.
 */
@Command(name = "hydrate", mixinStandardHelpOptions = true, description = {
    "Read every secret the sanitised config on stdin references and print the full config.",
    "Every reference that cannot be read is listed at once (with its JSON path); nothing is printed then.",
    "It prints secret values: it refuses to print to a terminal unless --to-terminal is given."})
final class ConfigHydrateCommand implements Callable<Integer> {

    @ParentCommand
    ConfigCommand parent;

    @Mixin
    StoreOption store;

    @Option(names = "--store", paramLabel = "ID=FILE",
            description = "A further store, for references with \"_secret_storage_id\": \"ID\"; repeatable.")
    Map<String, Path> stores = new LinkedHashMap<>();

    @Option(names = "--spec", paramLabel = "FILE", description = "Accepted for symmetry with split and mask; not needed.")
    Path spec;

    @Option(names = "--to-terminal", description = "Print the secrets even when stdout is a terminal.")
    boolean toTerminal;

    @Override
    public Integer call() {
        Io io = parent.io();
        if (!toTerminal && outputIsTerminal(io)) {
            throw new UsageException("hydrate prints secret values and stdout is a terminal; redirect it "
                    + "(e.g. '| my-tool' or '> file'), or add --to-terminal if you mean it");
        }
        if (store.readsStdin()) {
            throw new UsageException("stdin carries the connector config, so give the store config as a file");
        }
        JsonNode config = ConnectorJson.readStdin(io, "sanitised config");
        List<SecretStore> opened = new ArrayList<>();
        try {
            SecretStore main = store.open(io.in());
            opened.add(main);
            ConnectionSecrets.Builder builder = ConnectionSecrets.builder().defaultStore(main);
            for (Map.Entry<String, Path> extra : stores.entrySet()) {
                SecretStore other = SecretStores.open(ConfigFiles.read(extra.getValue().toString(), io.in(), "--store"));
                opened.add(other);
                builder.store(extra.getKey(), other);
            }
            ConnectorJson.print(io, builder.build().hydrate(config));
            return ExitCodes.OK;
        } finally {
            opened.forEach(SecretStore::close);
        }
    }

    private static boolean outputIsTerminal(Io io) {
        // The real terminal asks the OS about stdout itself; a test's terminal says what it stands for.
        return io.terminal() instanceof SystemTerminal ? Tty.isTerminal(1, io.terminal().interactive())
                : io.terminal().interactive();
    }
}
