package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * An error of the token endpoint in Entra's format: {@code error}, {@code error_description} (with the AADSTS
 * code, trace id, correlation id and timestamp), {@code error_codes}, {@code timestamp}, {@code trace_id},
 * {@code correlation_id}, {@code error_uri}.
 */
public record EntraError(int status, String error, int code, String description) {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    public EmulatorResponse toResponse(String origin, String correlationId, Instant now) {
        String traceId = UUID.randomUUID().toString();
        String timestamp = TIMESTAMP.format(now);
        ObjectNode body = Json.object()
                .put("error", error)
                .put("error_description", "AADSTS" + code + ": " + description + "\r\nTrace ID: " + traceId
                        + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + timestamp);
        body.putArray("error_codes").add(code);
        body.put("timestamp", timestamp)
                .put("trace_id", traceId)
                .put("correlation_id", correlationId)
                .put("error_uri", origin + "/error?code=" + code);
        return EmulatorResponse.json(status, body)
                .withHeader("Cache-Control", "no-store, no-cache")
                .withHeader("x-ms-request-id", traceId);
    }

    static EntraError tenantNotFound(String tenant) {
        return new EntraError(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure "
                + "you have the correct tenant ID and are signing into the correct cloud. Check with your "
                + "subscription administrator, this may happen if there are no active subscriptions for the tenant.");
    }

    /** The OpenID discovery document's wording: the same AADSTS90002 text as the token endpoint's, another error. */
    static EntraError invalidTenant(String tenant) {
        EntraError notFound = tenantNotFound(tenant);
        return new EntraError(400, "invalid_tenant", notFound.code(), notFound.description());
    }

    static EntraError missingParameter(String parameter) {
        return new EntraError(400, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + parameter + "'.");
    }

    static EntraError postOnly() {
        return new EntraError(400, "invalid_request", 900561, "The endpoint only accepts POST requests. "
                + "Received a GET request.");
    }

    static EntraError unsupportedGrantType(String grantType) {
        return new EntraError(400, "unsupported_grant_type", 70003,
                "The app requested an unsupported grant type '" + grantType + "'.");
    }

    static EntraError unknownClient(String clientId, String tenantName) {
        return new EntraError(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                + "' was not found in the directory '" + tenantName + "'. This can happen if the application has "
                + "not been installed by the administrator of the tenant or consented to by any user in the tenant. "
                + "You may have sent your authentication request to the wrong tenant.");
    }

    static EntraError missingClientCredential() {
        return new EntraError(401, "invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }

    static EntraError invalidAssertionType(String type) {
        return new EntraError(400, "invalid_request", 50027, "Invalid client_assertion_type '" + type + "'; expected "
                + "urn:ietf:params:oauth:client-assertion-type:jwt-bearer.");
    }

    static EntraError malformedAssertion() {
        return new EntraError(400, "invalid_request", 50027, "JWT token is invalid or malformed.");
    }

    static EntraError noFederatedRecordForIssuer(String issuer) {
        return new EntraError(400, "invalid_request", 700211,
                "No matching federated identity record found for presented assertion issuer '" + issuer + "'.");
    }

    static EntraError issuerUnreachable(String issuer) {
        return new EntraError(400, "invalid_request", 50166, "Request to External OIDC endpoint failed. "
                + "Issuer: '" + issuer + "'.");
    }

    static EntraError assertionSignatureInvalid() {
        return new EntraError(401, "invalid_client", 700027, "Client assertion failed signature validation.");
    }

    static EntraError assertionOutsideValidity() {
        return new EntraError(400, "invalid_client", 700024, "Client assertion is not within its valid time range.");
    }

    static EntraError noFederatedRecord(String issuer, String subject, String audience) {
        return new EntraError(400, "invalid_request", 70021, "No matching federated identity record found for "
                + "presented assertion. Assertion Issuer: '" + issuer + "'. Assertion Subject: '" + subject
                + "'. Assertion Audience: '" + audience + "'.");
    }

    static EntraError invalidClientSecret(String clientId) {
        return new EntraError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret "
                + "being sent in the request is the client secret value, not the client secret ID, for a secret "
                + "added to app '" + clientId + "'.");
    }

    static EntraError expiredClientSecret(String clientId) {
        return new EntraError(401, "invalid_client", 7000222, "The provided client secret keys for app '" + clientId
                + "' are expired. Visit the Azure portal to create new keys for your app: "
                + "https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: "
                + "https://aka.ms/certCreds.");
    }

    static EntraError scopeWithoutDefault(String scope) {
        return new EntraError(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not "
                + "valid. Client credential flows must have a scope value with /.default suffixed to the resource "
                + "identifier (application ID URI).");
    }

    static EntraError moreThanOneResource(String scope) {
        return new EntraError(400, "invalid_scope", 28000, "Provided value for the input parameter scope is not "
                + "valid because it contains more than one resource. Scope " + scope + " is not valid.");
    }

    static EntraError unknownResource(String resource, String tenantName) {
        return new EntraError(400, "invalid_resource", 500011, "The resource principal named " + resource
                + " was not found in the tenant named " + tenantName + ". This can happen if the application has "
                + "not been installed by the administrator of the tenant or consented to by any user in the tenant. "
                + "You might have sent your authentication request to the wrong tenant.");
    }
}
