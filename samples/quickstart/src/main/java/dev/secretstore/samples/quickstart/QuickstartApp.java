package dev.secretstore.samples.quickstart;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ReadResult;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The secretstore quickstart: open a store from a config file, keep a database connection's credentials
 * in it, read them back, list them and delete them. It prints names and sizes, never a value.
 *
 * <pre>
 *   mvn -B -q -pl samples/quickstart exec:java                                  (a temporary local store)
 *   mvn -B -q -pl samples/quickstart exec:java -Dexec.args=/path/to/config.json (any store, e.g. AWS)
 * </pre>
 */
public final class QuickstartApp {

    private final PrintStream out;
    private final ConnectionCredentials credentials;

    QuickstartApp(PrintStream out, ConnectionCredentials credentials) {
        this.out = out;
        this.credentials = credentials;
    }

    public static void main(String[] args) throws IOException {
        ConnectionCredentials credentials = ConnectionCredentials.example();
        if (args.length > 0) {
            new QuickstartApp(System.out, credentials).run(Path.of(args[0]));
            return;
        }
        try (TemporaryLocalStore local = TemporaryLocalStore.create()) {
            new QuickstartApp(System.out, credentials).run(local.configFile());
        }
    }

    void run(Path configFile) throws IOException {
        Map<String, Object> config = new ObjectMapper().readValue(configFile.toFile(), new TypeReference<>() { });
        try (SecretStore store = SecretStores.open(config)) {
            out.println("1. Opened the '" + store.providerName() + "' store described by " + configFile);

            Map<SecretName, SecretValue> secrets = credentials.asSecrets();
            List<SecretName> stored = new ArrayList<>();
            try {
                for (Map.Entry<SecretName, SecretValue> secret : secrets.entrySet()) {
                    SecretMetadata metadata = store.put(secret.getKey(), secret.getValue());
                    stored.add(secret.getKey());
                    out.println("2. Stored " + metadata.name() + " (version " + metadata.version().orElse("-") + ", "
                            + secret.getValue().size() + " bytes)");
                }

                Map<SecretName, ReadResult> readBack = store.readAll(List.copyOf(secrets.keySet()));
                for (ReadResult result : readBack.values()) {
                    boolean same = result.secret().map(s -> s.value().equals(secrets.get(result.name()))).orElse(false);
                    out.println("3. Read back " + result.name() + ": " + (same ? "matches" : "DOES NOT MATCH"));
                    if (!same) {
                        throw new IllegalStateException("read back a different value for " + result.name());
                    }
                }

                try (Stream<SecretMetadata> listed = store.listAll(credentials.prefix())) {
                    listed.forEach(m -> out.println("4. Listed " + m.name() + " tagged " + m.tags()));
                }
            } finally {
                // Even when a step fails, remove what this run stored (and only that): a demo leaves nothing behind.
                for (SecretName name : stored) {
                    store.delete(name, DeleteOptions.force());
                    out.println("5. Deleted " + name);
                }
                secrets.values().forEach(SecretValue::destroy);
            }
        }
    }
}
