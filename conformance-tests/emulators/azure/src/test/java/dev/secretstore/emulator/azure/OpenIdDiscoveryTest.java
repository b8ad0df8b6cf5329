package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Entra's per-tenant OpenID discovery document and key set. MSAL for Java never asks for them, so the Java SDK
 * tests did not notice their absence; MSAL for JavaScript (and for Python) read the document before every first
 * token request and fail with {@code endpoints_resolution_error} without it (see JavaScriptSdkTest).
 */
@DisplayName("OpenID discovery: the tenant's openid-configuration document and its jwks_uri")
class OpenIdDiscoveryTest {
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private static AzureKeyVaultEmulator emulator;
    private static RawHttp raw;

    @BeforeAll
    static void start() {
        emulator = AzureKeyVaultEmulator.builder().start();
        raw = new RawHttp(EmulatorClients.trusting(emulator.certificate()));
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @Test
    @DisplayName("the document names this server's token endpoint and keys, and an issuer on its origin")
    void documentForTenantId() {
        String tenantBase = emulator.authorityHost() + "/" + EmulatorDefaults.TENANT_ID;
        RawHttp.Reply reply = raw.get(tenantBase + "/v2.0/.well-known/openid-configuration", null);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode document = reply.json();
        assertThat(document.path("issuer").asText()).isEqualTo(tenantBase + "/v2.0");
        assertThat(document.path("token_endpoint").asText()).isEqualTo(tenantBase + "/oauth2/v2.0/token");
        assertThat(document.path("jwks_uri").asText()).isEqualTo(tenantBase + "/discovery/v2.0/keys");
        assertThat(document.path("authorization_endpoint").asText()).isEqualTo(tenantBase + "/oauth2/v2.0/authorize");
        assertThat(texts(document.path("token_endpoint_auth_methods_supported"))).containsExactly("client_secret_post", "private_key_jwt");
        assertThat(texts(document.path("id_token_signing_alg_values_supported"))).containsExactly("RS256");
        assertThat(document.path("cloud_instance_name").asText()).isEqualTo("microsoftonline.com");
    }

    @Test
    @DisplayName("asked by domain name, the document's endpoints use the tenant's GUID, as Entra's do")
    void documentForDomain() {
        JsonNode document = raw.get(emulator.authorityHost() + "/emulator.onmicrosoft.com/v2.0/.well-known/"
                + "openid-configuration", null).json();

        assertThat(document.path("issuer").asText())
                .isEqualTo(emulator.authorityHost() + "/" + EmulatorDefaults.TENANT_ID + "/v2.0");
        assertThat(document.path("token_endpoint").asText())
                .isEqualTo(emulator.authorityHost() + "/" + EmulatorDefaults.TENANT_ID + "/oauth2/v2.0/token");
    }

    @Test
    @DisplayName("a token from the document's token_endpoint verifies with the key published at jwks_uri")
    void tokenVerifiesWithPublishedKey() throws Exception {
        JsonNode document = raw.get(emulator.authorityHost() + "/" + EmulatorDefaults.TENANT_ID
                + "/v2.0/.well-known/openid-configuration", null).json();
        String form = "grant_type=client_credentials&client_id=" + EmulatorDefaults.OFFICER_CLIENT_ID
                + "&client_secret=" + URLEncoder.encode(EmulatorDefaults.OFFICER_CLIENT_SECRET, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode(EmulatorClients.VAULT_SCOPE, StandardCharsets.UTF_8);
        RawHttp.Reply tokenReply = raw.send(HttpMethod.POST, document.path("token_endpoint").asText(), null, form,
                "application/x-www-form-urlencoded");
        assertThat(tokenReply.status()).isEqualTo(200);
        String[] jwt = tokenReply.json().path("access_token").asText().split("\\.");
        String kid = new com.fasterxml.jackson.databind.ObjectMapper().readTree(URL_DECODER.decode(jwt[0]))
                .path("kid").asText();

        RawHttp.Reply keysReply = raw.get(document.path("jwks_uri").asText(), null);
        assertThat(keysReply.status()).isEqualTo(200);
        JsonNode keys = keysReply.json().path("keys");
        assertThat(keys).hasSize(1);
        JsonNode key = keys.get(0);
        assertThat(key.path("kty").asText()).isEqualTo("RSA");
        assertThat(key.path("use").asText()).isEqualTo("sig");
        assertThat(key.path("kid").asText()).isEqualTo(kid);

        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, URL_DECODER.decode(key.path("n").asText())),
                new BigInteger(1, URL_DECODER.decode(key.path("e").asText()))));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(URL_DECODER.decode(jwt[2]))).isTrue();
    }

    @Test
    @DisplayName("an unknown tenant is 400 invalid_tenant AADSTS90002, in Entra's error format")
    void unknownTenant() {
        String unknown = "5ec2e7a1-0000-4000-8000-0000000000ff";
        RawHttp.Reply reply = raw.get(emulator.authorityHost() + "/" + unknown
                + "/v2.0/.well-known/openid-configuration", null);

        assertThat(reply.status()).isEqualTo(400);
        JsonNode body = reply.json();
        assertThat(body.path("error").asText()).isEqualTo("invalid_tenant");
        assertThat(texts(body.path("error_codes"))).containsExactly("90002");
        assertThat(body.path("error_description").asText())
                .startsWith("AADSTS90002: Tenant '" + unknown + "' not found.");
        assertThat(body.has("trace_id")).isTrue();
        assertThat(body.has("correlation_id")).isTrue();
    }

    @Test
    @DisplayName("discovery requests are counted as OpenIdConfiguration")
    void counted() {
        emulator.resetRequestCounts();
        raw.get(emulator.authorityHost() + "/" + EmulatorDefaults.TENANT_ID + "/v2.0/.well-known/openid-configuration",
                null);
        raw.get(emulator.authorityHost() + "/" + EmulatorDefaults.TENANT_ID + "/discovery/v2.0/keys", null);

        assertThat(emulator.requestCount(Operation.OPENID_CONFIGURATION)).isEqualTo(2);
        assertThat(emulator.requestCount(Operation.TOKEN)).isZero();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }
}
