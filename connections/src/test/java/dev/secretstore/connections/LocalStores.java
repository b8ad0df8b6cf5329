package dev.secretstore.connections;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.local.LocalSecretStoreProvider;
import java.nio.file.Path;
import java.util.Map;

/** Throwaway local stores under a test's temporary directory (never ~/.secretstore). */
final class LocalStores {

    private LocalStores() {
    }

    static Map<String, Object> config(Path dir) {
        return Map.of("path", dir.resolve("store").toString(), "keyFile", dir.resolve("master.key").toString());
    }

    static SecretStore open(Path dir) {
        return SecretStores.open(new LocalSecretStoreProvider(), config(dir));
    }
}
