package dev.secretstore.samples.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The quickstart's default: a config file for a local store in a fresh temporary directory, removed
 * afterwards, so running the sample never touches the real ~/.secretstore.
 */
final class TemporaryLocalStore implements AutoCloseable {

    private final Path directory;

    private TemporaryLocalStore(Path directory) {
        this.directory = directory;
    }

    static TemporaryLocalStore create() throws IOException {
        Path directory = Files.createTempDirectory("secretstore-quickstart-");
        Files.writeString(directory.resolve("config.json"), "{\n"
                + "  \"provider\": \"local\",\n"
                + "  \"path\": \"" + directory.resolve("store") + "\",\n"
                + "  \"keyFile\": \"" + directory.resolve("master.key") + "\"\n"
                + "}\n");
        return new TemporaryLocalStore(directory);
    }

    Path configFile() {
        return directory.resolve("config.json");
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
