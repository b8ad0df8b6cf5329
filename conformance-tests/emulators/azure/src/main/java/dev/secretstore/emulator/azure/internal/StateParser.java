package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a state file. A top-level section that is absent keeps the default state's; a section that is present
 * replaces it; inside {@code vault}, absent fields keep their defaults. Errors name the field at fault.
 */
public final class StateParser {
    private static final String DEFAULT_RESOURCE = "/dev/secretstore/emulator/azure/default-state.json";

    private StateParser() {
    }

    public static String defaultStateJson() {
        try (InputStream in = StateParser.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EmulatorState defaults() {
        return parse(defaultStateJson(), null);
    }

    /** Parses {@code json}, filling absent sections from the default state. */
    public static EmulatorState parse(String json) {
        return parse(json, defaults());
    }

    private static EmulatorState parse(String json, EmulatorState base) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // By position only, without the parser's message or cause: they quote the offending token, which in
            // a state file may be a client secret or a secret value.
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("state is not valid JSON" + (at == null || at.getLineNr() < 1 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("state must be a JSON object");
        }
        List<Tenant> tenants = section(root, "tenants", base == null ? null : base.tenants(), StateParser::tenant);
        List<AppRegistration> apps = section(root, "apps", base == null ? null : base.apps(), StateParser::app);
        List<RoleAssignment> roles = section(root, "roleAssignments",
                base == null ? null : base.roleAssignments(), StateParser::roleAssignment);
        VaultOptions vault = vault(root.path("vault"), base == null ? null : base.vault());
        List<InitialSecret> secrets = section(root, "secrets", base == null ? List.of() : base.secrets(),
                StateParser::secret);
        List<FederatedIssuer> issuers = section(root, "federatedIssuers",
                base == null ? List.of() : base.federatedIssuers(), StateParser::federatedIssuer);
        EmulatorState state = new EmulatorState(tenants, apps, roles, vault, secrets, issuers);
        check(state);
        return state;
    }

    private static <T> List<T> section(JsonNode root, String name, List<T> fallback, Function<JsonNode, T> reader) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException("state: '" + name + "' is required");
            }
            return fallback;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("state: '" + name + "' must be an array");
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            try {
                items.add(reader.apply(node.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("state: " + name + "[" + i + "]: " + e.getMessage(), e);
            }
        }
        return items;
    }

    private static Tenant tenant(JsonNode node) {
        return new Tenant(required(node, "id"), optional(node, "domain", null));
    }

    private static AppRegistration app(JsonNode node) {
        String clientId = required(node, "clientId");
        List<ClientSecretEntry> secrets = new ArrayList<>();
        JsonNode list = node.path("secrets");
        List<FederatedCredential> federated = federatedCredentials(node.path("federatedCredentials"));
        if (list.isMissingNode() && !federated.isEmpty()) {
            list = Json.MAPPER.createArrayNode();
        } else if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("'secrets' must be a non-empty array of {value, expires} (or absent "
                    + "when the app has federatedCredentials)");
        }
        for (JsonNode secret : list) {
            String expires = optional(secret, "expires", "2099-12-31T00:00:00Z");
            try {
                secrets.add(new ClientSecretEntry(required(secret, "value"), Instant.parse(expires)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("secrets[].expires must be an ISO-8601 instant such as "
                        + "2099-12-31T00:00:00Z, was '" + expires + "'", e);
            }
        }
        return new AppRegistration(required(node, "tenantId"), clientId,
                optional(node, "objectId", clientId), optional(node, "displayName", clientId), secrets, federated);
    }

    private static List<FederatedCredential> federatedCredentials(JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("'federatedCredentials' must be an array of {issuer, subject, audiences}");
        }
        List<FederatedCredential> credentials = new ArrayList<>();
        for (JsonNode fic : list) {
            List<String> audiences = new ArrayList<>();
            fic.path("audiences").forEach(a -> audiences.add(a.asText()));
            if (audiences.isEmpty()) {
                audiences.add(FederatedCredential.DEFAULT_AUDIENCE);
            }
            credentials.add(new FederatedCredential(required(fic, "issuer"), required(fic, "subject"), audiences));
        }
        return credentials;
    }

    private static FederatedIssuer federatedIssuer(JsonNode node) {
        return FederatedIssuer.of(required(node, "issuer"), node.path("jwks"));
    }

    private static RoleAssignment roleAssignment(JsonNode node) {
        String scope = optional(node, "scope", "/");
        if (!scope.equals("/") && !scope.matches("/secrets/[0-9a-zA-Z-]{1,127}")) {
            throw new IllegalArgumentException("'scope' must be '/' or '/secrets/NAME', was '" + scope + "'");
        }
        return new RoleAssignment(required(node, "principalId"), KeyVaultRole.parse(required(node, "role")), scope);
    }

    private static InitialSecret secret(JsonNode node) {
        String name = required(node, "name");
        SecretNames.requireValid(name);
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode tagNode = node.path("tags");
        for (Iterator<Map.Entry<String, JsonNode>> it = tagNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            tags.put(tag.getKey(), tag.getValue().asText());
        }
        return new InitialSecret(name, required(node, "value"), optional(node, "contentType", null), tags,
                !node.has("enabled") || node.get("enabled").asBoolean());
    }

    private static VaultOptions vault(JsonNode node, VaultOptions base) {
        if (base == null && node.isMissingNode()) {
            throw new IllegalArgumentException("state: 'vault' is required");
        }
        int retention = node.has("retentionDays") ? node.get("retentionDays").asInt()
                : base == null ? 90 : base.retentionDays();
        if (node.has("softDelete") && !node.get("softDelete").asBoolean()) {
            throw new IllegalArgumentException("state: vault.softDelete cannot be turned off: Key Vault enforces "
                    + "soft delete on every vault");
        }
        if (retention < 7 || retention > 90) {
            throw new IllegalArgumentException("state: vault.retentionDays must be between 7 and 90, was " + retention);
        }
        return new VaultOptions(
                text(node, "name", base == null ? null : base.name()),
                text(node, "tenantId", base == null ? null : base.tenantId()),
                text(node, "subscriptionId", base == null ? null : base.subscriptionId()),
                text(node, "resourceGroup", base == null ? null : base.resourceGroup()),
                text(node, "location", base == null ? null : base.location()),
                bool(node, "purgeProtection", base != null && base.purgeProtection()),
                retention);
    }

    private static void check(EmulatorState state) {
        if (state.tenants().stream().noneMatch(t -> t.id().equalsIgnoreCase(state.vault().tenantId()))) {
            throw new IllegalArgumentException("state: vault.tenantId '" + state.vault().tenantId()
                    + "' is not one of the tenants");
        }
        for (AppRegistration app : state.apps()) {
            if (state.tenants().stream().noneMatch(t -> t.id().equalsIgnoreCase(app.tenantId()))) {
                throw new IllegalArgumentException("state: app '" + app.clientId() + "' names unknown tenantId '"
                        + app.tenantId() + "'");
            }
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        String value = node.hasNonNull(field) ? node.get(field).asText() : fallback;
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("state: vault." + field + " is required");
        }
        return value;
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        return node.hasNonNull(field) ? node.get(field).asBoolean() : fallback;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
