package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * WORKLOAD_IDENTITY through the library's real Application Default Credentials loader. google-auth-library reads
 * GOOGLE_APPLICATION_CREDENTIALS from the environment, then the well-known file under the {@code user.home}
 * system property ({@code .config/gcloud/application_default_credentials.json}) unless CLOUDSDK_CONFIG is set;
 * the test points {@code user.home} at a directory holding an emulator key file there, and puts it back after.
 */
@DisplayName("gcp WORKLOAD_IDENTITY with the real ADC loader")
class GcpRealAdcLoaderTest {

    @Test
    @DisplayName("a store opened with WORKLOAD_IDENTITY finds the well-known ADC file and works")
    void wellKnownFile() throws Exception {
        Assumptions.assumeTrue(System.getenv("GOOGLE_APPLICATION_CREDENTIALS") == null
                && System.getenv("CLOUDSDK_CONFIG") == null, "GOOGLE_APPLICATION_CREDENTIALS or CLOUDSDK_CONFIG is set "
                + "in this environment, so the library would not read the well-known file this test writes");
        try (EmulatorWorld world = new EmulatorWorld()) {
            Path home = world.dir.resolve("home");
            Path gcloud = Files.createDirectories(home.resolve(".config").resolve("gcloud"));
            world.emulator.control().writeKeyFile(EmulatorWorld.STORE_ACCOUNT,
                    gcloud.resolve("application_default_credentials.json"));
            String previous = System.getProperty("user.home");
            System.setProperty("user.home", home.toString());
            try (SecretStore store = SecretStores.open(world.adcConfig(EmulatorWorld.NAME_PREFIX))) {
                SecretName name = SecretName.of("adc/real-loader");
                store.put(name, SecretValue.ofText("found through ADC"));
                assertThat(store.read(name).value().text()).isEqualTo("found through ADC");
                store.delete(name);
            } finally {
                System.setProperty("user.home", previous);
            }
        }
    }
}
