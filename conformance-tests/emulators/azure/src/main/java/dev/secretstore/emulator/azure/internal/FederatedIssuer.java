package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An external token issuer Entra trusts through federated credentials (an AKS cluster's OIDC issuer, GitHub
 * Actions...), with the RSA signing keys it publishes at its {@code jwks_uri}. The real service fetches them from
 * the issuer's discovery document; the emulator takes them from its state, so tests control the issuer's key.
 */
public record FederatedIssuer(String issuer, Map<String, PublicKey> keysById) {
    public FederatedIssuer {
        keysById = Map.copyOf(keysById);
    }

    /** Reads a JSON Web Key Set ({@code {"keys": [{"kty": "RSA", "kid", "n", "e"}]}}). */
    static FederatedIssuer of(String issuer, JsonNode jwks) {
        JsonNode keys = jwks.path("keys");
        if (!keys.isArray() || keys.isEmpty()) {
            throw new IllegalArgumentException("'keys' must be a JSON Web Key Set with at least one RSA key");
        }
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        for (JsonNode key : keys) {
            if (!"RSA".equals(key.path("kty").asText())) {
                throw new IllegalArgumentException("keys[].kty must be RSA");
            }
            String kid = key.path("kid").asText("");
            try {
                BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText()));
                BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()));
                byId.put(kid, KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
            } catch (GeneralSecurityException | IllegalArgumentException ex) {
                throw new IllegalArgumentException("keys[] must hold base64url 'n' and 'e' of an RSA key", ex);
            }
        }
        return new FederatedIssuer(issuer, byId);
    }

    /** Whether an RS256 signature over {@code header.payload} verifies with the key {@code kid} (any key if none). */
    boolean verifies(String kid, String signingInput, byte[] signature) {
        Optional<PublicKey> named = Optional.ofNullable(keysById.get(kid == null ? "" : kid));
        for (PublicKey key : named.map(java.util.List::of).orElse(java.util.List.copyOf(keysById.values()))) {
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initVerify(key);
                s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                if (s.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // a key that cannot verify this signature: try the next
            }
        }
        return false;
    }
}
