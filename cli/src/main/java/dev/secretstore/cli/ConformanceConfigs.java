package dev.secretstore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The config files the kit reads, as paths. Config from stdin is copied to a private temporary file; with
 * no config at all, a throwaway local store is described (never the user's ~/.secretstore, which the kit
 * would fill with test secrets), together with its read-only and wrong-key variants.
 */
final class ConformanceConfigs implements AutoCloseable {

    private final Path main;
    private final Path readonly;
    private final Path badCredentials;
    private final String description;
    private final Path temporaryDirectory;

    private ConformanceConfigs(Path main, Path readonly, Path badCredentials, String description,
                               Path temporaryDirectory) {
        this.main = main;
        this.readonly = readonly;
        this.badCredentials = badCredentials;
        this.description = description;
        this.temporaryDirectory = temporaryDirectory;
    }

    static ConformanceConfigs prepare(StoreOption store, Path readonly, Path badCredentials, InputStream stdin) {
        requireFile("--readonly-config", readonly);
        requireFile("--bad-credentials-config", badCredentials);
        try {
            if (store.config == null) {
                return throwawayLocalStore(readonly, badCredentials);
            }
            if (store.readsStdin()) {
                // Bounded as every config is (ConfigFiles reads it again from the file, duplicates and all).
                byte[] json = stdin.readNBytes(ConfigFiles.MAX_CONFIG_BYTES + 1);
                if (json.length > ConfigFiles.MAX_CONFIG_BYTES) {
                    throw new UsageException("the config from stdin is larger than " + ConfigFiles.MAX_CONFIG_BYTES / 1024
                            + " KiB; a store config is a small JSON object");
                }
                Path dir = privateDirectory();
                Path config = dir.resolve("config.json");
                Files.write(config, json);
                return new ConformanceConfigs(config, readonly, badCredentials, "the store configured on stdin", dir);
            }
            Path config = Path.of(store.config);
            requireFile("--config", config);
            return new ConformanceConfigs(config, readonly, badCredentials, "the store configured in " + config, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConformanceConfigs throwawayLocalStore(Path readonly, Path badCredentials) throws IOException {
        Path dir = privateDirectory();
        String store = json(dir.resolve("store"));
        String key = json(dir.resolve("master.key"));
        Path main = dir.resolve("config.json");
        Files.writeString(main, "{\"provider\": \"local\", \"path\": " + store + ", \"keyFile\": " + key + "}");
        if (readonly == null) {
            readonly = dir.resolve("readonly-config.json");
            Files.writeString(readonly, "{\"provider\": \"local\", \"path\": " + store + ", \"keyFile\": " + key
                    + ", \"readOnly\": true}");
        }
        if (badCredentials == null) {
            // A key file that does not exist yet gets a fresh random key: the wrong one for this store.
            badCredentials = dir.resolve("wrong-key-config.json");
            Files.writeString(badCredentials, "{\"provider\": \"local\", \"path\": " + store + ", \"keyFile\": "
                    + json(dir.resolve("wrong.key")) + "}");
        }
        return new ConformanceConfigs(main, readonly, badCredentials, "a throwaway local store in " + dir, dir);
    }

    private static Path privateDirectory() throws IOException {
        try {
            return Files.createTempDirectory("secretstore-conformance-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempDirectory("secretstore-conformance-");
        }
    }

    private static String json(Path path) {
        return "\"" + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void requireFile(String option, Path file) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new UsageException(option + " '" + file + "' does not exist");
        }
    }

    Path main() {
        return main;
    }

    Optional<Path> readonly() {
        return Optional.ofNullable(readonly);
    }

    Optional<Path> badCredentials() {
        return Optional.ofNullable(badCredentials);
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (temporaryDirectory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(temporaryDirectory)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // Only a temporary directory is left behind; the run's result stands.
        }
    }
}
