package dev.secretstore.testing;

import dev.secretstore.spi.SecretStoreProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * A child class loader over a temp directory with its own {@code META-INF/services} file. Classes come
 * from the parent (so the SPI types are shared) but the service file the parent sees is hidden, so a
 * test controls exactly which providers are listed.
 */
public final class IsolatedProviderLoader extends URLClassLoader {

    public static final String SERVICE_FILE = "META-INF/services/" + SecretStoreProvider.class.getName();

    private final Set<String> hidden;
    private final Set<String> childFirst;

    private IsolatedProviderLoader(URL[] urls, ClassLoader parent, Set<String> childFirst, Set<String> hidden) {
        super(urls, parent);
        this.childFirst = childFirst;
        this.hidden = hidden;
    }

    /**
     * @param dir      an empty temp directory
     * @param services lines of the service file (class names, may include missing ones)
     * @return the loader
     */
    public static IsolatedProviderLoader over(Path dir, List<String> services) {
        return over(dir, services, Set.of(), Set.of());
    }

    /**
     * Like {@link #over(Path, List)}, and simulates a missing jar: classes in {@code childFirst} are
     * defined by this loader (so they resolve their references here), classes in {@code hidden} cannot
     * be found.
     *
     * @param dir        an empty temp directory
     * @param services   lines of the service file
     * @param childFirst classes this loader defines itself
     * @param hidden     classes that appear missing
     * @return the loader
     */
    public static IsolatedProviderLoader over(Path dir, List<String> services, Set<String> childFirst,
                                              Set<String> hidden) {
        try {
            Path file = dir.resolve(SERVICE_FILE);
            Files.createDirectories(file.getParent());
            Files.write(file, services, StandardCharsets.UTF_8);
            return new IsolatedProviderLoader(new URL[] {dir.toUri().toURL()},
                    IsolatedProviderLoader.class.getClassLoader(), childFirst, hidden);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (hidden.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        if (!childFirst.contains(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    c = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            return c;
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return SERVICE_FILE.equals(name) ? findResources(name) : super.getResources(name);
    }
}
