package dev.secretstore.benchmarks;

import dev.secretstore.ProviderInfo;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fresh JVM does in the start-up benchmark and in the loaded-classes test:
 * {@code none} (returns at once: the JVM's own start), {@code list} (lists the installed providers), and
 * {@code open key=value...} (opens a store from the given config and closes it; a value {@code @FILE} is read
 * from FILE). Prints one line of what it did, never a config value.
 */
public final class StartupProbe {
    private StartupProbe() {}

    public static void main(String[] args) throws IOException {
        String mode = args.length == 0 ? "none" : args[0];
        switch (mode) {
            case "none" -> System.out.println("started");
            case "list" -> {
                // A plain loop and prints, no stream, lambda or string concatenation: the probe's own code must
                // not bootstrap java.lang.invoke, which would be charged to the library.
                List<String> names = new ArrayList<>();
                for (ProviderInfo provider : SecretStores.installedProviders()) {
                    names.add(provider.name());
                }
                Collections.sort(names);
                System.out.print("providers: ");
                System.out.println(names);
            }
            case "open" -> {
                Map<String, Object> config = new LinkedHashMap<>();
                for (int i = 1; i < args.length; i++) {
                    String key = args[i].substring(0, args[i].indexOf('='));
                    String value = args[i].substring(args[i].indexOf('=') + 1);
                    config.put(key, value.startsWith("@") ? Files.readString(Path.of(value.substring(1))) : value);
                }
                try (SecretStore store = SecretStores.open(config)) {
                    System.out.println("opened " + config.get("provider"));
                }
            }
            default -> throw new IllegalArgumentException("unknown mode; expected none, list or open");
        }
    }
}
