package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("module-info")
class ModuleDescriptorTest {

    @Test
    @DisplayName("module dev.secretstore exports the API and the SPI, uses the provider service, and needs only java.base")
    void descriptor() throws Exception {
        URL classes = SecretStores.class.getProtectionDomain().getCodeSource().getLocation();
        Path root = Paths.get(classes.toURI());
        ModuleDescriptor d;
        if (Files.isDirectory(root)) {
            try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
                d = ModuleDescriptor.read(in);
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile());
                 InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
                d = ModuleDescriptor.read(in);
            } catch (IOException e) {
                throw e;
            }
        }
        assertThat(d.name()).isEqualTo("dev.secretstore");
        assertThat(d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("dev.secretstore", "dev.secretstore.spi");
        assertThat(d.uses()).containsExactlyInAnyOrder("dev.secretstore.spi.SecretStoreProvider",
                "dev.secretstore.spi.SecretStoreDecorator");
        assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
                .containsExactly("java.base");
    }
}
