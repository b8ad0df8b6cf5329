package dev.secretstore.migrate;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import java.nio.file.Path;
import java.util.Map;

/** Throwaway local stores under a test's temporary directory (never ~/.secretstore): one directory each. */
final class LocalStores {

    private LocalStores() {
    }

    static Map<String, Object> config(Path dir) {
        return Map.of("provider", "local", "path", dir.resolve("store").toString(),
                "keyFile", dir.resolve("master.key").toString());
    }

    static SecretStore open(Path dir) {
        return SecretStores.open(config(dir));
    }
}
