package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.spi.ConfigChecks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ConfigChecks")
class ConfigChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://secretsmanager.us-east-1.amazonaws.com", "http://127.0.0.1:4566",
            "http://localhost:8080/", "http://[::1]:9000", "http://127.1.2.3", "HTTP://LOCALHOST"})
    @DisplayName("accepts https anywhere and http on loopback")
    void accepted(String uri) {
        assertThat(ConfigChecks.httpsOrLoopback("endpoint", uri)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://10.0.0.1:4566", "http://127.0.0.1.evil.com",
            "http://localhost.evil.com", "ftp://127.0.0.1", "not a url", "127.0.0.1:4566"})
    @DisplayName("refuses http off loopback, other schemes and garbage, naming the field")
    void refused(String uri) {
        assertThat(ConfigChecks.httpsOrLoopback("endpoint", uri)).hasValueSatisfying(p -> {
            assertThat(p.field()).isEqualTo("endpoint");
            assertThat(p.message()).contains("https://").doesNotContain(uri);
        });
    }

    @Test
    @DisplayName("GUIDs and https-only URLs")
    void guidAndHttps() {
        assertThat(ConfigChecks.guid("tenantId", "12345678-1234-1234-1234-123456789012")).isEmpty();
        assertThat(ConfigChecks.guid("tenantId", "12345678123412341234123456789012")).isPresent();
        assertThat(ConfigChecks.httpsOnly("vaultUrl", "https://v.vault.azure.net/")).isEmpty();
        assertThat(ConfigChecks.httpsOnly("vaultUrl", "http://localhost/")).isPresent();
        assertThat(ConfigChecks.guid("tenantId", null)).isEmpty();
    }
}
