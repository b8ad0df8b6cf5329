package dev.secretstore.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Listing providers and describing the gcp one (fields, capabilities, shape, policy text) loads no Google, gRPC or
 * protobuf class: run in a class loader of its own over the test class path, which records every class it loads.
 */
@DisplayName("gcp provider listing loads no Google client class")
class NoGoogleClassOnListingTest {

    /** Loads the application's classes itself (parent: the platform loader) and remembers their names. */
    static final class RecordingLoader extends URLClassLoader {
        final List<String> loaded = Collections.synchronizedList(new ArrayList<>());

        RecordingLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            loaded.add(name);
            return super.findClass(name);
        }
    }

    @Test
    @DisplayName("installedProviders, describing gcp and printing its policy touch no com.google/io.grpc class")
    void listingLoadsNoSdkClass() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        try (RecordingLoader loader = new RecordingLoader(urls.toArray(URL[]::new))) {
            Class<?> stores = Class.forName("dev.secretstore.SecretStores", true, loader);
            Object infos = stores.getMethod("installedProviders", ClassLoader.class).invoke(null, loader);
            assertThat(String.valueOf(infos)).contains("gcp");

            Class<?> providerClass = Class.forName("dev.secretstore.gcp.GcpSecretStoreProvider", true, loader);
            Object provider = providerClass.getConstructor().newInstance();
            for (String describing : List.of("name", "description", "version", "capabilities", "configFields",
                    "shapeDescription", "policyOptions")) {
                assertThat(providerClass.getMethod(describing).invoke(provider)).isNotNull();
            }
            Method recognises = providerClass.getMethod("recognises", Map.class);
            assertThat(recognises.invoke(provider, Map.of("auth_type", "WORKLOAD_IDENTITY", "projectId", "p-123456")))
                    .isEqualTo(true);
            Method policy = providerClass.getMethod("recommendedPolicy", Map.class);
            assertThat(String.valueOf(policy.invoke(provider, Map.of("project", "my-project",
                    "service-account", "sa@my-project.iam.gserviceaccount.com")))).contains("gcloud");

            assertThat(loader.loaded).as("classes the isolated loader loaded").contains(providerClass.getName())
                    .noneMatch(n -> n.startsWith("com.google.") && !n.startsWith("com.google.auto.service."))
                    .noneMatch(n -> n.startsWith("io.grpc.") || n.startsWith("io.netty.") || n.startsWith("io.github.resilience4j"));
        }
    }
}
