package dev.secretstore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
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

    /**
     * @param jar a copy made by {@link #installInto}
     * @return its manifest's Implementation-Version, which the provider's default {@code version()} reports;
     *     "unknown" for a jar made from the classes directory (no manifest)
     */
    static String implementationVersion(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String version = manifest == null ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            return version == null ? "unknown" : version;
        }
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
