package dev.secretstore.emulator.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * An OpenID Connect issuer the tests control (the stand-in for an EKS cluster's OIDC issuer): an RSA key pair whose
 * public half goes into the emulator's state as an {@code oidcProviders} entry, and RS256 ID tokens signed with the
 * private half, to hand to AssumeRoleWithWebIdentity or write to a web identity token file.
 */
public final class WebIdentityIssuer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final KeyPair keys;

    private WebIdentityIssuer(String url, KeyPair keys) {
        this.url = url;
        this.keys = keys;
    }

    /** A new issuer at {@code url} ({@code https://host/path}) with a fresh 2048-bit RSA key. */
    public static WebIdentityIssuer create(String url) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new WebIdentityIssuer(url, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The issuer URL, the token's {@code iss}. */
    public String url() {
        return url;
    }

    /** The IAM OIDC provider ARN for this issuer in {@code accountId}, as a trust policy's {@code Federated}. */
    public String providerArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":oidc-provider/" + url.substring("https://".length());
    }

    /** The public key as PEM, for the state's {@code oidcProviders[].publicKey}. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The state's {@code oidcProviders} entry for this issuer, accepting tokens for {@code clientId}. */
    public String stateEntry(String clientId) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("url", url);
        entry.putArray("clientIds").add(clientId);
        entry.put("publicKey", publicKeyPem());
        return entry.toString();
    }

    /** An RS256 ID token of this issuer. */
    public String token(String subject, String audience, Instant expires) {
        return signed(subject, audience, expires, this);
    }

    /** A token that claims this issuer but is signed by another key (a forgery the emulator must refuse). */
    public String forgedToken(String subject, String audience, Instant expires) {
        return signed(subject, audience, expires, create(url));
    }

    private String signed(String subject, String audience, Instant expires, WebIdentityIssuer signer) {
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", url);
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("iat", expires.minusSeconds(3600).getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signedPart = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signer.keys.getPrivate());
            rsa.update(signedPart.getBytes(StandardCharsets.US_ASCII));
            return signedPart + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "WebIdentityIssuer[" + url + "]";
    }
}
