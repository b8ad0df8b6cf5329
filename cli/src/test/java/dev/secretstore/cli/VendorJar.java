package dev.secretstore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The third-party sample's jar (samples/third-party-vault), built by its own module and kept off the test
 * class path on purpose: tests hand it to the CLI through --providers-dir, as an operator would.
 */
final class VendorJar {

    /** In a reactor run that stops before {@code package} ({@code mvn test}) Maven passes its classes directory. */
    private static final Path ARTIFACT = Path.of(System.getProperty("secretstore.test.vendor-jar"));

    private VendorJar() {
    }

    /** Copies the vendor's jar into {@code directory} as {@code fileName}. */
    static void installInto(Path directory, String fileName) throws IOException {
        Path jar = directory.resolve(fileName);
        if (!Files.isDirectory(ARTIFACT)) {
            Files.copy(ARTIFACT, jar);
            return;
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(ARTIFACT)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(ARTIFACT.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }
}
