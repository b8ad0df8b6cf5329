package dev.secretstore.emulator.aws.internal.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.emulator.aws.internal.protocol.AwsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An OpenID Connect ID token (a compact JWS) as AssumeRoleWithWebIdentity receives it: its claims are read before
 * the signature is checked (the issuer says which key to check it with), so nothing here is trusted until
 * {@link #verify} has passed.
 */
final class WebIdentityToken {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String signedPart;
    private final byte[] signature;
    private final String algorithm;
    private final JsonNode claims;

    private WebIdentityToken(String signedPart, byte[] signature, String algorithm, JsonNode claims) {
        this.signedPart = signedPart;
        this.signature = signature;
        this.algorithm = algorithm;
        this.claims = claims;
    }

    static WebIdentityToken parse(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("The ID token provided is not a valid JWT.");
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            JsonNode header = JSON.readTree(b64.decode(parts[0]));
            JsonNode claims = JSON.readTree(b64.decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                throw invalid("The ID token provided is not a valid JWT.");
            }
            return new WebIdentityToken(parts[0] + "." + parts[1], b64.decode(parts[2]),
                    header.path("alg").asText(""), claims);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("The ID token provided is not a valid JWT.");
        }
    }

    String issuer() {
        return claims.path("iss").asText("");
    }

    String subject() {
        return claims.path("sub").asText("");
    }

    /** The {@code aud} claim: a string or an array of strings. */
    List<String> audiences() {
        JsonNode aud = claims.path("aud");
        List<String> out = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> out.add(a.asText()));
        } else if (aud.isTextual()) {
            out.add(aud.asText());
        }
        return out;
    }

    /** Checks the RS256 signature with the provider's key, then the token's lifetime against {@code now}. */
    void verify(RSAPublicKey key, Instant now) {
        if (!"RS256".equals(algorithm)) {
            throw invalid("The ID token provided uses an unsupported signing algorithm.");
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(signedPart.getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(signature)) {
                throw invalid("Couldn't verify the ID token signature.");
            }
        } catch (GeneralSecurityException e) {
            throw invalid("Couldn't verify the ID token signature.");
        }
        if (!claims.path("exp").canConvertToLong()) {
            throw invalid("The ID token provided has no expiration (exp) claim.");
        }
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong());
        if (!now.isBefore(expires)) {
            throw new AwsException("ExpiredTokenException", 400, "Token expired: current date/time " + now
                    + " must be before the expiration date/time " + expires);
        }
    }

    static AwsException invalid(String message) {
        return new AwsException("InvalidIdentityToken", 400, message);
    }
}
