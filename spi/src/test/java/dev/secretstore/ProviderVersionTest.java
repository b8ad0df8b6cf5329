package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.testing.AwsShapedProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A provider's default version() is its jar's Implementation-Version")
class ProviderVersionTest {

    @Test
    @DisplayName("loaded from a jar whose manifest has Implementation-Version: that version")
    void fromTheManifest(@TempDir Path dir) throws Exception {
        Class<?> type = AwsShapedProvider.class;   // does not override version()
        Path jar = dir.resolve("aws-shaped-9.8.7.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "9.8.7-test");
        String entry = type.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             var bytes = type.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        try (ChildFirst loader = new ChildFirst(jar, type.getName())) {
            SecretStoreProvider provider = (SecretStoreProvider) loader.loadClass(type.getName())
                    .getConstructor().newInstance();
            assertThat(provider.getClass().getClassLoader()).isSameAs(loader);
            assertThat(provider.version()).isEqualTo("9.8.7-test");
        }
    }

    @Test
    @DisplayName("loaded from a directory (no manifest): \"unknown\"")
    void withoutAManifest() {
        assertThat(new AwsShapedProvider().version()).isEqualTo("unknown");
    }

    /** Defines one class itself, from the jar, so its package takes the jar's manifest. */
    private static final class ChildFirst extends URLClassLoader {
        private final String own;

        ChildFirst(Path jar, String own) throws IOException {
            super(new URL[] {jar.toUri().toURL()}, ProviderVersionTest.class.getClassLoader());
            this.own = own;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(own)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }
    }
}
