package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Entra's per-tenant OpenID discovery: {@code GET /{tenant}/v2.0/.well-known/openid-configuration} and the key set
 * at its {@code jwks_uri}, {@code GET /{tenant}/discovery/v2.0/keys}. MSAL for JavaScript and for Python read the
 * document (its {@code token_endpoint} and {@code issuer}) before the first token request; MSAL for Java does not.
 * The endpoints it lists besides the token endpoint and the keys are listed as Entra lists them but not served.
 */
public final class OpenIdConfiguration {
    private static final String DOCUMENT_SUFFIX = "/v2.0/.well-known/openid-configuration";
    private static final String KEYS_SUFFIX = "/discovery/v2.0/keys";

    private final AccessTokens tokens;

    public OpenIdConfiguration(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** A GET of a tenant's discovery document or key set; the first path segment is the tenant. */
    public static boolean matches(String method, String path) {
        return "GET".equals(method) && tenantSegment(path).isPresent();
    }

    public EmulatorResponse handle(EmulatorRequest request, Directory directory, Instant now) {
        String segment = tenantSegment(request.path()).orElseThrow();
        Optional<Tenant> tenant = directory.tenant(segment);
        if (tenant.isEmpty()) {
            String correlationId = request.header("client-request-id").orElse(UUID.randomUUID().toString());
            return EntraError.invalidTenant(segment).toResponse(request.origin(), correlationId, now);
        }
        Object body = request.path().endsWith(KEYS_SUFFIX)
                ? tokens.jsonWebKeySet()
                : document(request.origin() + "/" + tenant.get().id());
        return EmulatorResponse.json(200, body).withHeader("Cache-Control", "max-age=86400, private");
    }

    private static Optional<String> tenantSegment(String path) {
        for (String suffix : new String[] {DOCUMENT_SUFFIX, KEYS_SUFFIX}) {
            if (path.endsWith(suffix)) {
                String tenant = path.substring(1, path.length() - suffix.length());
                return tenant.isEmpty() || tenant.contains("/") ? Optional.empty() : Optional.of(tenant);
            }
        }
        return Optional.empty();
    }

    /** The document's fields as Entra returns them for a tenant, its endpoints on this server. */
    private static ObjectNode document(String tenantBase) {
        ObjectNode document = Json.object().put("token_endpoint", tenantBase + "/oauth2/v2.0/token");
        // Only the method the emulator implements; Entra also lists private_key_jwt and client_secret_basic.
        document.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("private_key_jwt");
        document.put("jwks_uri", tenantBase + KEYS_SUFFIX);
        strings(document.putArray("response_modes_supported"), "query", "fragment", "form_post");
        strings(document.putArray("subject_types_supported"), "pairwise");
        strings(document.putArray("id_token_signing_alg_values_supported"), "RS256");
        strings(document.putArray("response_types_supported"), "code", "id_token", "code id_token", "id_token token");
        strings(document.putArray("scopes_supported"), "openid", "profile", "email", "offline_access");
        document.put("issuer", tenantBase + "/v2.0")
                .put("request_uri_parameter_supported", false)
                .put("userinfo_endpoint", "https://graph.microsoft.com/oidc/userinfo")
                .put("authorization_endpoint", tenantBase + "/oauth2/v2.0/authorize")
                .put("device_authorization_endpoint", tenantBase + "/oauth2/v2.0/devicecode")
                .put("http_logout_supported", true)
                .put("frontchannel_logout_supported", true)
                .put("end_session_endpoint", tenantBase + "/oauth2/v2.0/logout");
        strings(document.putArray("claims_supported"), "sub", "iss", "cloud_instance_name", "cloud_instance_host_name",
                "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce",
                "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email");
        document.put("kerberos_endpoint", tenantBase + "/kerberos")
                .putNull("tenant_region_scope");
        document.put("cloud_instance_name", "microsoftonline.com")
                .put("cloud_graph_host_name", "graph.windows.net")
                .put("msgraph_host", "graph.microsoft.com")
                .put("rbac_url", "https://pas.windows.net");
        return document;
    }

    private static void strings(ArrayNode array, String... values) {
        for (String value : values) {
            array.add(value);
        }
    }
}
