package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The gRPC target a store connects to. Regional secrets are served only by the location's own endpoint
 * ({@code secretmanager.LOCATION.rep.googleapis.com}, Secret Manager's regional-secrets documentation), so a config
 * with {@code region} and no {@code endpoint} must go there, not to the global one.
 */
@DisplayName("gcp endpoint")
class GcpEndpointTest {

    @Test
    @DisplayName("without endpoint: the global endpoint, or the location's own one for regional secrets")
    void defaults() {
        assertThat(GcpEndpoint.target(null, null)).isEqualTo("secretmanager.googleapis.com:443");
        assertThat(GcpEndpoint.target(null, "europe-west4")).isEqualTo("secretmanager.europe-west4.rep.googleapis.com:443");
    }

    @Test
    @DisplayName("a configured endpoint wins; https:// and a trailing slash are dropped, port 443 is the default")
    void configured() {
        assertThat(GcpEndpoint.target("127.0.0.1:8443", "europe-west4")).isEqualTo("127.0.0.1:8443");
        assertThat(GcpEndpoint.target("https://private.example.com/", null)).isEqualTo("private.example.com:443");
        assertThat(GcpEndpoint.target("https://private.example.com:8443", null)).isEqualTo("private.example.com:8443");
        assertThat(GcpEndpoint.target("[::1]:8443", null)).isEqualTo("[::1]:8443");
        assertThat(GcpEndpoint.target("[::1]", null)).isEqualTo("[::1]:443");
    }
}
