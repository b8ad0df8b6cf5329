package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Issues and verifies the emulator's access tokens: RS256 JWTs signed with a key generated at start, carrying
 * the claims Entra puts in app-only v1 tokens for Key Vault (aud, iss, tid, appid, oid, sub, iat, nbf, exp).
 */
public final class AccessTokens {
    public static final String VAULT_AUDIENCE = "https://vault.azure.net";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();

    public AccessTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the token signing key", e);
        }
    }

    /** A token for {@code audience} ({@link #VAULT_AUDIENCE} unless the client asked for another resource). */
    public String issue(AppRegistration app, String audience, Instant now, Duration lifetime) {
        ObjectNode header = Json.object().put("typ", "JWT").put("alg", "RS256").put("kid", keyId);
        ObjectNode claims = Json.object()
                .put("aud", audience)
                .put("iss", "https://sts.windows.net/" + app.tenantId() + "/")
                .put("iat", now.getEpochSecond())
                .put("nbf", now.getEpochSecond())
                .put("exp", now.plus(lifetime).getEpochSecond())
                .put("appid", app.clientId())
                .put("appidacr", "1")
                .put("idtyp", "app")
                .put("oid", app.objectId())
                .put("sub", app.objectId())
                .put("tid", app.tenantId())
                .put("uti", UUID.randomUUID().toString().replace("-", ""))
                .put("ver", "1.0");
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + ENCODER.encodeToString(sign(signingInput));
    }

    /** The signing key as a JSON Web Key Set, as Entra publishes its keys at {@code jwks_uri}. */
    public ObjectNode jsonWebKeySet() {
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        ObjectNode set = Json.object();
        set.putArray("keys").addObject()
                .put("kty", "RSA")
                .put("use", "sig")
                .put("kid", keyId)
                .put("n", ENCODER.encodeToString(unsigned(publicKey.getModulus().toByteArray())))
                .put("e", ENCODER.encodeToString(unsigned(publicKey.getPublicExponent().toByteArray())));
        return set;
    }

    /** JWK integers are unsigned big-endian: drop the sign byte {@code BigInteger} adds. */
    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    /**
     * Checks signature, audience, tenant and lifetime. Throws {@link VaultException} (401) worded like the
     * service's token validation errors.
     */
    public Caller verify(String token, String vaultTenantId, Instant now) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw unauthorized("AKV10000: Request is missing a Bearer or PoP token.");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = Json.MAPPER.readTree(DECODER.decode(parts[0]));
            claims = Json.MAPPER.readTree(DECODER.decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            throw unauthorized("AKV10000: Request is missing a Bearer or PoP token.");
        }
        if (!"RS256".equals(header.path("alg").asText()) || !verifySignature(parts)) {
            throw unauthorized("[InvalidSignature] Error validating token: 'S2S12085'.");
        }
        String audience = claims.path("aud").asText();
        if (!VAULT_AUDIENCE.equals(audience) && !(VAULT_AUDIENCE + "/").equals(audience)) {
            throw unauthorized("AKV10022: Invalid audience. Expected " + VAULT_AUDIENCE + ", found: " + audience + ".");
        }
        String tenant = claims.path("tid").asText();
        if (!tenant.equalsIgnoreCase(vaultTenantId)) {
            throw unauthorized("AKV10032: Invalid issuer. Expected one of https://sts.windows.net/" + vaultTenantId
                    + "/, found https://sts.windows.net/" + tenant + "/.");
        }
        long seconds = now.getEpochSecond();
        if (claims.path("exp").asLong() <= seconds) {
            throw unauthorized("[TokenExpired] Error validating token: 'S2S12086'.");
        }
        if (claims.path("nbf").asLong() > seconds) {
            throw unauthorized("[TokenNotYetValid] Error validating token: 'S2S12087'.");
        }
        return new Caller(tenant, claims.path("appid").asText(), claims.path("oid").asText());
    }

    private static VaultException unauthorized(String message) {
        return new VaultException(401, "Unauthorized", message, null);
    }

    private byte[] sign(String signingInput) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private boolean verifySignature(String[] parts) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(keys.getPublic());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(DECODER.decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String encode(JsonNode node) {
        try {
            return ENCODER.encodeToString(Json.MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
