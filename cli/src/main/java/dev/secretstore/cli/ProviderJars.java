package dev.secretstore.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes the provider jars of a directory visible to {@code SecretStores} for the duration of one command,
 * through the thread context class loader that provider discovery uses.
 */
final class ProviderJars implements AutoCloseable {

    private final ClassLoader previous;
    private final URLClassLoader loader;

    private ProviderJars(ClassLoader previous, URLClassLoader loader) {
        this.previous = previous;
        this.loader = loader;
    }

    /**
     * @param directory where the jars are; {@code null} installs nothing
     * @return a handle that restores the previous class loader on close
     */
    static ProviderJars install(Path directory) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (directory == null) {
            return new ProviderJars(previous, null);
        }
        if (!Files.isDirectory(directory)) {
            throw new UsageException("--providers-dir '" + directory + "' is not a directory");
        }
        ClassLoader parent = previous != null ? previous : ProviderJars.class.getClassLoader();
        URLClassLoader loader = new URLClassLoader(jarUrls(directory), parent);
        thread.setContextClassLoader(loader);
        return new ProviderJars(previous, loader);
    }

    private static URL[] jarUrls(Path directory) {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path jar : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".jar")).sorted()::iterator) {
                urls.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new UsageException("--providers-dir: cannot use a jar in '" + directory + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return urls.toArray(URL[]::new);
    }

    @Override
    public void close() {
        if (loader == null) {
            return;
        }
        Thread.currentThread().setContextClassLoader(previous);
        try {
            loader.close();
        } catch (IOException ignored) {
            // Closing only releases file handles; the command's result is already decided.
        }
    }
}
