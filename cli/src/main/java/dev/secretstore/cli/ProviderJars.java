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
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Makes the provider jars of a directory visible to {@code SecretStores} for the duration of one command,
 * through the thread context class loader that provider discovery uses.
 */
final class ProviderJars implements AutoCloseable {

    /** The entry through which a jar declares its providers to ServiceLoader. */
    static final String SERVICES_ENTRY = "META-INF/services/dev.secretstore.spi.SecretStoreProvider";

    private static final ThreadLocal<ProviderJars> CURRENT = new ThreadLocal<>();

    private final ClassLoader previous;
    private final URLClassLoader loader;
    private final List<Path> withoutProvider;

    private ProviderJars(ClassLoader previous, URLClassLoader loader, List<Path> withoutProvider) {
        this.previous = previous;
        this.loader = loader;
        this.withoutProvider = withoutProvider;
    }

    /**
     * The jars of {@code --providers-dir} that declare no provider: a provider's dependencies, or a provider
     * built without the auto-service annotation processor, which ServiceLoader skips without a trace.
     *
     * @return those jars, in directory order; empty without {@code --providers-dir}
     */
    static List<Path> withoutProviderInCurrentCommand() {
        ProviderJars current = CURRENT.get();
        return current == null ? List.of() : current.withoutProvider;
    }

    /**
     * @param directory where the jars are; {@code null} installs nothing
     * @return a handle that restores the previous class loader on close
     */
    static ProviderJars install(Path directory) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (directory == null) {
            return new ProviderJars(previous, null, List.of());
        }
        if (!Files.isDirectory(directory)) {
            throw new UsageException("--providers-dir '" + directory + "' is not a directory");
        }
        List<Path> jars = jars(directory);
        ClassLoader parent = previous != null ? previous : ProviderJars.class.getClassLoader();
        URLClassLoader loader = new URLClassLoader(urls(jars, directory), parent);
        thread.setContextClassLoader(loader);
        ProviderJars installed = new ProviderJars(previous, loader,
                jars.stream().filter(jar -> !declaresProvider(jar)).toList());
        CURRENT.set(installed);
        return installed;
    }

    private static List<Path> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL[] urls(List<Path> jars, Path directory) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UsageException("--providers-dir: cannot use a jar in '" + directory + "'");
            }
        }
        return urls.toArray(URL[]::new);
    }

    // An unreadable jar counts as declaring none: the class loader cannot read it either.
    private static boolean declaresProvider(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(SERVICES_ENTRY) != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (loader == null) {
            return;
        }
        CURRENT.remove();
        Thread.currentThread().setContextClassLoader(previous);
        try {
            loader.close();
        } catch (IOException ignored) {
            // Closing only releases file handles; the command's result is already decided.
        }
    }
}
