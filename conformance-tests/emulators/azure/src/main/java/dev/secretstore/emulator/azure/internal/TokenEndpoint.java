package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Entra's v2.0 token endpoint for the client-credentials grant, with {@code client_secret_post} or a client
 * assertion from a trusted external issuer (workload identity federation: the app's federated credentials name
 * the issuer, subject and audience): {@code POST /{tenant}/oauth2/v2.0/token}. Checks run in Entra's order:
 * tenant, parameters, client, credential.
 */
public final class TokenEndpoint {
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access");
    /**
     * Resources the emulated tenants know besides the vault: Entra issues tokens for them, and the vault then
     * refuses those tokens for their audience (the mistake of asking for the wrong scope).
     */
    private static final Set<String> OTHER_RESOURCES = Set.of(
            "https://management.azure.com", "https://graph.microsoft.com", "https://storage.azure.com");

    private final AccessTokens tokens;
    private final EmulatorClock clock;
    private final Duration tokenLifetime;

    public TokenEndpoint(AccessTokens tokens, EmulatorClock clock, Duration tokenLifetime) {
        this.tokens = tokens;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    /** Whether {@code path} is a token endpoint path; its first segment is the tenant. */
    public static boolean matches(String path) {
        return path.matches("/[^/]+/oauth2/v2\\.0/token/?");
    }

    public EmulatorResponse handle(EmulatorRequest request, Directory directory) {
        String correlationId = request.header("client-request-id").orElse(UUID.randomUUID().toString());
        Instant now = clock.tokenNow();
        try {
            return issue(request, directory, now);
        } catch (EntraFailure failure) {
            return failure.error.toResponse(request.origin(), correlationId, now);
        }
    }

    private EmulatorResponse issue(EmulatorRequest request, Directory directory, Instant now) {
        String tenantSegment = request.path().split("/")[1];
        Tenant tenant = directory.tenant(tenantSegment).orElseThrow(() -> fail(EntraError.tenantNotFound(tenantSegment)));
        if (!request.method().equals("POST")) {
            throw fail(EntraError.postOnly());
        }
        Map<String, List<String>> form = new QueryStringDecoder(request.bodyText(), StandardCharsets.UTF_8, false)
                .parameters();
        String grantType = parameter(form, "grant_type").orElseThrow(() -> fail(EntraError.missingParameter("grant_type")));
        if (!grantType.equals("client_credentials")) {
            throw fail(EntraError.unsupportedGrantType(grantType));
        }
        String clientId = parameter(form, "client_id").orElseThrow(() -> fail(EntraError.missingParameter("client_id")));
        String scope = parameter(form, "scope").orElseThrow(() -> fail(EntraError.missingParameter("scope")));
        String tenantName = tenant.domain() == null ? tenant.id() : tenant.domain();
        AppRegistration app = directory.app(tenant, clientId)
                .orElseThrow(() -> fail(EntraError.unknownClient(clientId, tenantName)));
        String audience = resource(scope, tenantName);
        Optional<String> assertion = parameter(form, "client_assertion");
        if (assertion.isPresent()) {
            checkAssertionType(form);
            checkFederatedAssertion(assertion.get(), app, directory, now);
            return issued(app, audience, now);
        }
        String secret = parameter(form, "client_secret").orElseThrow(() -> fail(EntraError.missingClientCredential()));
        ClientSecretEntry matching = app.secrets().stream()
                .filter(entry -> constantTimeEquals(entry.value(), secret))
                .findFirst()
                .orElseThrow(() -> fail(EntraError.invalidClientSecret(clientId)));
        if (!matching.expires().isAfter(now)) {
            throw fail(EntraError.expiredClientSecret(clientId));
        }
        return issued(app, audience, now);
    }

    private EmulatorResponse issued(AppRegistration app, String audience, Instant now) {
        long expiresIn = tokenLifetime.getSeconds();
        ObjectNode body = Json.object()
                .put("token_type", "Bearer")
                .put("expires_in", expiresIn)
                .put("ext_expires_in", expiresIn)
                .put("access_token", tokens.issue(app, audience, now, tokenLifetime));
        return EmulatorResponse.json(200, body).withHeader("Cache-Control", "no-store, no-cache");
    }

    private static void checkAssertionType(Map<String, List<String>> form) {
        String type = parameter(form, "client_assertion_type")
                .orElseThrow(() -> fail(EntraError.missingParameter("client_assertion_type")));
        if (!type.equals(JWT_BEARER)) {
            throw fail(EntraError.invalidAssertionType(type));
        }
    }

    /**
     * Workload identity federation: the assertion is a token of an external issuer; Entra checks it against the
     * app's federated credentials (issuer, then signature with the issuer's published keys, lifetime, subject and
     * audience).
     */
    private static void checkFederatedAssertion(String assertion, AppRegistration app, Directory directory, Instant now) {
        String[] parts = assertion.split("\\.");
        JsonNode header;
        JsonNode claims;
        byte[] signature;
        try {
            if (parts.length != 3) {
                throw new IllegalArgumentException("not three parts");
            }
            header = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IOException | IllegalArgumentException e) {
            throw fail(EntraError.malformedAssertion());
        }
        String issuer = claims.path("iss").asText("");
        String subject = claims.path("sub").asText("");
        List<String> audiences = new ArrayList<>();
        if (claims.path("aud").isArray()) {
            claims.path("aud").forEach(a -> audiences.add(a.asText()));
        } else {
            audiences.add(claims.path("aud").asText(""));
        }
        if (app.federatedCredentials().stream().noneMatch(f -> f.issuer().equals(issuer))) {
            throw fail(EntraError.noFederatedRecordForIssuer(issuer));
        }
        FederatedIssuer trusted = directory.issuer(issuer).orElseThrow(() -> fail(EntraError.issuerUnreachable(issuer)));
        if (!"RS256".equals(header.path("alg").asText())
                || !trusted.verifies(header.path("kid").asText(null), parts[0] + "." + parts[1], signature)) {
            throw fail(EntraError.assertionSignatureInvalid());
        }
        long seconds = now.getEpochSecond();
        if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() <= seconds
                || claims.path("nbf").asLong(0) > seconds + 300) {
            throw fail(EntraError.assertionOutsideValidity());
        }
        boolean matches = app.federatedCredentials().stream().anyMatch(f -> f.issuer().equals(issuer)
                && f.subject().equals(subject) && f.audiences().stream().anyMatch(audiences::contains));
        if (!matches) {
            throw fail(EntraError.noFederatedRecord(issuer, subject, String.join(",", audiences)));
        }
    }

    /** The one resource the scope names ({@code RESOURCE/.default}): the audience of the token to issue. */
    private static String resource(String scope, String tenantName) {
        String found = null;
        for (String item : scope.trim().split("\\s+")) {
            if (OIDC_SCOPES.contains(item)) {
                continue;
            }
            if (!item.endsWith("/.default")) {
                throw fail(EntraError.scopeWithoutDefault(item));
            }
            String resource = item.substring(0, item.length() - "/.default".length());
            String bare = resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
            if (!bare.equals(AccessTokens.VAULT_AUDIENCE) && !OTHER_RESOURCES.contains(bare)) {
                throw fail(EntraError.unknownResource(resource, tenantName));
            }
            if (found != null && !found.equals(bare)) {
                throw fail(EntraError.moreThanOneResource(scope));
            }
            found = bare;
        }
        if (found == null) {
            throw fail(EntraError.scopeWithoutDefault(scope));
        }
        return found;
    }

    private static Optional<String> parameter(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty()
                ? Optional.empty() : Optional.of(values.get(0));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static EntraFailure fail(EntraError error) {
        return new EntraFailure(error);
    }

    /** Carries an Entra error out of the checks. */
    private static final class EntraFailure extends RuntimeException {
        private final transient EntraError error;

        EntraFailure(EntraError error) {
            super(error.error(), null, false, false);
            this.error = error;
        }
    }
}
