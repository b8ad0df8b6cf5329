package dev.secretstore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.ProviderInfo;
import dev.secretstore.SecretStores;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Listing providers, describing this one and printing its policy load no AWS SDK class: a class loader of
 * our own (child-first for everything but the JDK) records every class it defines.
 */
class ProviderListingLoadsNoSdkTest {

    /** Defines every non-JDK class itself, so each one the listing needs is seen here. */
    static final class RecordingLoader extends URLClassLoader {
        final List<String> defined = new ArrayList<>();

        RecordingLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> c = super.findClass(name);
            synchronized (defined) {
                defined.add(name);
            }
            return c;
        }
    }

    private static URL[] testClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(java.nio.file.Path.of(entry).toUri().toURL());
        }
        return urls.toArray(new URL[0]);
    }

    @Test
    @DisplayName("installedProviders, configFields and recommendedPolicy touch no software.amazon.awssdk class")
    void listingLoadsNoSdk() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (RecordingLoader loader = new RecordingLoader(testClassPath())) {
            thread.setContextClassLoader(loader);
            Class<?> stores = Class.forName(SecretStores.class.getName(), true, loader);
            Object failures = stores.getMethod("providerLoadFailures", ClassLoader.class).invoke(null, loader);
            assertThat((List<?>) failures).as(String.valueOf(failures)).isEmpty();
            @SuppressWarnings("unchecked")
            List<Object> providers = (List<Object>) stores.getMethod("installedProviders", ClassLoader.class)
                    .invoke(null, loader);
            Object policy = stores.getMethod("recommendedPolicy", String.class, Map.class).invoke(null, "aws", Map.of());

            assertThat(providers).extracting(Object::toString).anyMatch(p -> p.contains("aws"));
            assertThat(policy.toString()).contains("secretsmanager:CreateSecret");
            assertThat(loader.defined).contains(AwsSecretStoreProvider.class.getName());
            assertThat(loader.defined).noneMatch(n -> n.startsWith("software.amazon."));
        } finally {
            thread.setContextClassLoader(previous);
        }
        // Sanity: the same listing in this loader does show the provider.
        assertThat(SecretStores.installedProviders()).extracting(ProviderInfo::name).contains("aws");
    }
}
