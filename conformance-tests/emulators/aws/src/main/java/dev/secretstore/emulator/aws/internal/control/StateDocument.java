package dev.secretstore.emulator.aws.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.emulator.aws.DefaultIdentity;
import dev.secretstore.emulator.aws.SecretSeed;
import dev.secretstore.emulator.aws.internal.iam.PolicyDocument;
import dev.secretstore.emulator.aws.internal.iam.PolicyException;
import dev.secretstore.emulator.aws.internal.identity.IamRole;
import dev.secretstore.emulator.aws.internal.identity.IamUser;
import dev.secretstore.emulator.aws.internal.identity.IdGenerator;
import dev.secretstore.emulator.aws.internal.identity.OidcProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state file: accounts with users (access keys, policies), roles (trust policy, max session duration,
 * policies), OIDC identity providers and optional secrets. Parsed completely before anything is applied, so a bad file changes nothing.
 * Errors name the offending field.
 */
public record StateDocument(boolean defaultAdmin, List<IamUser> users, List<IamRole> roles,
                            List<OidcProvider> oidcProviders, List<SecretSeed> secrets) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static StateDocument empty() {
        return new StateDocument(true, List.of(), List.of(), List.of(), List.of());
    }

    public static StateDocument parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("state is not valid JSON" + JsonSyntax.position(e));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("state must be a JSON object");
        }
        boolean defaultAdmin = root.path("defaultAdmin").asBoolean(true);
        List<IamUser> users = new ArrayList<>();
        List<IamRole> roles = new ArrayList<>();
        List<OidcProvider> oidcProviders = new ArrayList<>();
        List<SecretSeed> secrets = new ArrayList<>();
        int a = 0;
        for (JsonNode account : root.path("accounts")) {
            String where = "accounts[" + a + "]";
            String accountId = account.path("id").asText(DefaultIdentity.ACCOUNT_ID);
            if (!accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException(where + ".id must be 12 digits, got: " + accountId);
            }
            int u = 0;
            for (JsonNode user : account.path("users")) {
                users.add(user(user, accountId, where + ".users[" + u++ + "]"));
            }
            int r = 0;
            for (JsonNode role : account.path("roles")) {
                roles.add(role(role, accountId, where + ".roles[" + r++ + "]"));
            }
            int o = 0;
            for (JsonNode provider : account.path("oidcProviders")) {
                oidcProviders.add(oidcProvider(provider, accountId, where + ".oidcProviders[" + o++ + "]"));
            }
            int s = 0;
            for (JsonNode secret : account.path("secrets")) {
                secrets.add(secret(secret, accountId, where + ".secrets[" + s++ + "]"));
            }
            a++;
        }
        return new StateDocument(defaultAdmin, users, roles, oidcProviders, secrets);
    }

    private static IamUser user(JsonNode node, String accountId, String where) {
        String name = required(node, "name", where);
        Map<String, String> keys = new LinkedHashMap<>();
        int k = 0;
        for (JsonNode key : node.path("accessKeys")) {
            String at = where + ".accessKeys[" + k++ + "]";
            keys.put(required(key, "accessKeyId", at), required(key, "secretAccessKey", at));
        }
        return new IamUser(accountId, name, node.path("userId").asText(IdGenerator.id("AIDA")), Map.copyOf(keys),
                policies(node.path("policies"), where + ".policies"));
    }

    private static IamRole role(JsonNode node, String accountId, String where) {
        String name = required(node, "name", where);
        JsonNode trust = node.get("trustPolicy");
        if (trust == null) {
            throw new IllegalArgumentException(where + ".trustPolicy is required");
        }
        int max = node.path("maxSessionDurationSeconds").asInt(3600);
        if (max < 3600 || max > 43200) {
            throw new IllegalArgumentException(where + ".maxSessionDurationSeconds must be 3600..43200, got " + max);
        }
        return new IamRole(accountId, name, node.path("roleId").asText(IdGenerator.id("AROA")),
                policy(trust, where + ".trustPolicy"), max, policies(node.path("policies"), where + ".policies"));
    }

    /**
     * {@code {"url": "https://issuer/path", "clientIds": ["sts.amazonaws.com"], "publicKey": "<PEM or base64 DER
     * X.509 RSA public key>"}}.
     */
    private static OidcProvider oidcProvider(JsonNode node, String accountId, String where) {
        String url = required(node, "url", where);
        if (!url.startsWith("https://") || url.length() == "https://".length()) {
            throw new IllegalArgumentException(where + ".url must be an https:// issuer URL");
        }
        List<String> clientIds = new ArrayList<>();
        node.path("clientIds").forEach(c -> clientIds.add(c.asText()));
        String pem = required(node, "publicKey", where).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPublicKey key;
        try {
            key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(where + ".publicKey must be an RSA public key (PEM or base64 DER)");
        }
        return new OidcProvider(accountId, url.substring("https://".length()), clientIds, key);
    }

    static SecretSeed secret(JsonNode node, String accountId, String where) {
        SecretSeed.Builder b = SecretSeed.builder(required(node, "name", where))
                .accountId(node.path("accountId").asText(accountId))
                .region(node.path("region").asText(DefaultIdentity.REGION));
        if (node.hasNonNull("secretString")) {
            b.secretString(node.get("secretString").asText());
        }
        if (node.hasNonNull("secretBinary")) {
            try {
                b.secretBinary(Base64.getDecoder().decode(node.get("secretBinary").asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".secretBinary must be base64");
            }
        }
        if (node.hasNonNull("description")) {
            b.description(node.get("description").asText());
        }
        Iterator<Map.Entry<String, JsonNode>> tags = node.path("tags").fields();
        while (tags.hasNext()) {
            Map.Entry<String, JsonNode> t = tags.next();
            b.tag(t.getKey(), t.getValue().asText());
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    /** Parses one planted-secret document (the admin endpoint's body). */
    public static SecretSeed secret(String json) {
        try {
            return secret(JSON.readTree(json), DefaultIdentity.ACCOUNT_ID, "secret");
        } catch (IOException e) {
            throw new IllegalArgumentException("secret is not valid JSON" + JsonSyntax.position(e));
        }
    }

    private static List<PolicyDocument> policies(JsonNode node, String where) {
        List<PolicyDocument> out = new ArrayList<>();
        int i = 0;
        for (JsonNode p : node) {
            out.add(policy(p, where + "[" + i++ + "]"));
        }
        return List.copyOf(out);
    }

    private static PolicyDocument policy(JsonNode node, String where) {
        try {
            return node.isTextual() ? PolicyDocument.parse(node.asText()) : PolicyDocument.parse(node);
        } catch (PolicyException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new IllegalArgumentException(where + "." + field + " is required");
        }
        return v.asText();
    }
}
