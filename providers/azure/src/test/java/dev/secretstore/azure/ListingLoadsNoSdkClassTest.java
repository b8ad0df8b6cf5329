package dev.secretstore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Listing providers (and printing the policy) loads no Azure SDK class: checked with {@code -verbose:class} in a
 * fresh JVM on this module's test class path, where the SDK is present and would load if anything touched it.
 */
class ListingLoadsNoSdkClassTest {

    @Test
    void listingLoadsNoAzureSdkClass() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-verbose:class", "-cp",
                System.getProperty("java.class.path"), ListProvidersMain.class.getName()))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("provider azure").contains("policy ok")
                .contains("dev.secretstore.azure.AzureKeyVaultProvider");
        assertThat(output.lines().filter(l -> l.contains("com.azure.") || l.contains("com.microsoft.aad")
                || l.contains("reactor.")).toList()).isEmpty();
    }
}
