package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretStores;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("On the module path, the local provider is found through its module's 'provides'")
class ModulePathDiscoveryTest {

  @Test
  @DisplayName("module dev.secretstore.local requires the SPI module, exports only its API package, and provides the provider")
  void descriptor() throws Exception {
    ModuleDescriptor d = ModuleFinder.of(location(LocalSecretStoreProvider.class)).findAll().iterator().next()
        .descriptor();
    assertThat(d.name()).isEqualTo("dev.secretstore.local");
    assertThat(d.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("dev.secretstore.local");
    assertThat(d.provides()).singleElement().satisfies(p -> {
      assertThat(p.service()).isEqualTo("dev.secretstore.spi.SecretStoreProvider");
      assertThat(p.providers()).containsExactly(LocalSecretStoreProvider.class.getName());
    });
  }

  @Test
  @DisplayName("SecretStores in a module layer of the two modules (no META-INF/services involved) lists 'local'")
  void discoveredOnTheModulePath() throws Exception {
    ModuleFinder finder = ModuleFinder.of(location(SecretStores.class), location(LocalSecretStoreProvider.class));
    Configuration configuration = ModuleLayer.boot().configuration()
        .resolveAndBind(finder, ModuleFinder.of(), Set.of("dev.secretstore"));
    // A fresh loader for the layer: its classes are not the class-path copies this test was compiled against.
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    assertThat(layer.findModule("dev.secretstore.local")).as("bound as a service provider").isPresent();

    ClassLoader loader = layer.findLoader("dev.secretstore");
    Class<?> facade = loader.loadClass(SecretStores.class.getName());
    Method installed = facade.getMethod("installedProviders", ClassLoader.class);
    List<?> providers = (List<?>) installed.invoke(null, loader);
    Method name = loader.loadClass("dev.secretstore.ProviderInfo").getMethod("name");
    List<Object> names = providers.stream().map(p -> invoke(name, p)).collect(Collectors.toList());
    assertThat(names).containsExactly("local");
    assertThat(providers.get(0).getClass().getModule().getName()).isEqualTo("dev.secretstore");
  }

  private static Object invoke(Method method, Object target) {
    try {
      return method.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
