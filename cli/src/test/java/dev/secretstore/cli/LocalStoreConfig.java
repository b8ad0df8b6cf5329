package dev.secretstore.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Config files for throwaway local stores under a test's temporary directory (never ~/.secretstore). */
final class LocalStoreConfig {

    private LocalStoreConfig() {
    }

    /** A writable local store in {@code dir}; returns the config file's path as a string for --config. */
    static String writable(Path dir) {
        return write(dir, "config.json", "");
    }

    /** The same store opened read-only: every write is denied. */
    static String readOnly(Path dir) {
        return write(dir, "readonly.json", ", \"readOnly\": true");
    }

    /** The same store with a different (fresh) key file: reads fail authentication. */
    static String wrongKey(Path dir) {
        try {
            Path config = dir.resolve("wrong-key.json");
            Files.writeString(config, "{\"provider\": \"local\", \"path\": \"" + dir.resolve("store")
                    + "\", \"keyFile\": \"" + dir.resolve("other.key") + "\"}");
            return config.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Path dir, String file, String extra) {
        try {
            Path config = dir.resolve(file);
            Files.writeString(config, "{\"provider\": \"local\", \"path\": \"" + dir.resolve("store")
                    + "\", \"keyFile\": \"" + dir.resolve("master.key") + "\"" + extra + "}");
            return config.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
