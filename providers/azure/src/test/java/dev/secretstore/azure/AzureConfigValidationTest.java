package dev.secretstore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.SecretStores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every malformed Azure config is refused before any request, naming the field, never echoing a credential. */
class AzureConfigValidationTest {
    private static final String SECRET = "a-client-secret-that-must-never-be-echoed";

    private static Map<String, Object> valid() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("vaultUrl", "https://my-airbyte-vault.vault.azure.net/");
        config.put("tenantId", "12345678-1234-1234-1234-123456789012");
        config.put("clientId", "87654321-4321-4321-4321-210987654321");
        config.put("clientSecret", SECRET);
        return config;
    }

    private static InvalidConfigException refused(Consumer<Map<String, Object>> change) {
        Map<String, Object> config = valid();
        change.accept(config);
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> SecretStores.open(config));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain(SECRET);
        e.problems().forEach(p -> assertThat(p.toString()).doesNotContain(SECRET));
        return e;
    }

    private static List<String> fields(InvalidConfigException e) {
        return e.problems().stream().map(ConfigProblem::field).toList();
    }

    @Test
    @DisplayName("the documented service-principal config is accepted and recognised by its shape")
    void documentedConfigIsRecognised() {
        assertThat(SecretStores.installedProviders()).anySatisfy(p -> assertThat(p.name()).isEqualTo("azure"));
        // Opening builds the client only; no request is made until the first operation.
        SecretStores.open(valid()).close();
    }

    @Test
    @DisplayName("an http:// vault URL: vaultUrl, https only")
    void httpVaultUrl() {
        InvalidConfigException e = refused(c -> c.put("vaultUrl", "http://my-airbyte-vault.vault.azure.net/"));
        assertThat(fields(e)).containsExactly("vaultUrl");
        assertThat(e.getMessage()).contains("https://").contains("Overview");
    }

    @Test
    @DisplayName("tenantId and clientId that are not GUIDs: both named")
    void badGuids() {
        InvalidConfigException e = refused(c -> {
            c.put("tenantId", "contoso.onmicrosoft.com");
            c.put("clientId", "my-app");
        });
        assertThat(fields(e)).containsExactlyInAnyOrder("tenantId", "clientId");
        assertThat(e.getMessage()).contains("GUID");
    }

    @Test
    @DisplayName("no client secret for the service principal: clientSecret")
    void missingClientSecret() {
        InvalidConfigException e = refused(c -> c.remove("clientSecret"));
        assertThat(fields(e)).containsExactly("clientSecret");
    }

    @Test
    @DisplayName("an unknown field gets a did-you-mean")
    void unknownFieldDidYouMean() {
        InvalidConfigException e = refused(c -> {
            Object secret = c.remove("clientSecret");
            c.put("clientSecrett", secret);
        });
        assertThat(e.getMessage()).contains("clientSecrett").contains("clientSecret");
    }

    @Test
    @DisplayName("workload identity refuses a client secret and needs a token file")
    void workloadIdentityRules() {
        InvalidConfigException e = refused(c -> {
            c.put("auth_type", "WORKLOAD_IDENTITY");
            c.put("tokenFile", "/var/run/secrets/azure/tokens/azure-identity-token");
        });
        assertThat(fields(e)).containsExactly("clientSecret");
    }

    @Test
    @DisplayName("optional fields are checked: authorityHost https, readConcurrency range, durations, retry keys")
    void optionalFields() {
        InvalidConfigException e = refused(c -> {
            c.put("authorityHost", "http://login.example/");
            c.put("readConcurrency", 1000);
            c.put("verifyPropagationWait", "two minutes");
            c.put("onSoftDeletedName", "OVERWRITE");
            c.put("caCertificateFile", "/no/such/ca.pem");
        });
        assertThat(fields(e)).contains("authorityHost", "readConcurrency", "verifyPropagationWait",
                "onSoftDeletedName", "caCertificateFile");
    }

    @Test
    @DisplayName("readRate: absent means 200 a second; outside 1-10000 or not a whole number names readRate")
    void readRate() {
        Map<String, Object> absent = valid();
        assertThat(dev.secretstore.azure.internal.AzureConfig.Settings.from(dev.secretstore.spi.StoreConfig.of(absent,
                dev.secretstore.azure.internal.AzureConfig.fields())).readRate()).isEqualTo(200);
        for (Object bad : List.of(0, -5, 10_001, "fast", 2.5)) {
            InvalidConfigException e = refused(c -> c.put("readRate", bad));
            assertThat(fields(e)).containsExactly("readRate");
        }
        Map<String, Object> top = valid();
        top.put("readRate", 10_000);
        SecretStores.open(top).close();
    }
}
