package dev.secretstore.emulator.azure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * An external OIDC issuer for workload identity federation that a test controls, as an AKS cluster's issuer is:
 * an RSA key generated here signs the tokens a pod would find in {@code AZURE_FEDERATED_TOKEN_FILE}, and
 * {@link #stateEntry()} is the {@code federatedIssuers} item that makes the emulator trust the key.
 *
 * <pre>{@code
 * WorkloadIssuer issuer = WorkloadIssuer.generate("https://oidc.example/cluster-1/");
 * emulator.loadState("{\"federatedIssuers\": [" + issuer.stateEntry() + "], \"apps\": [ ... "
 *         + "\"federatedCredentials\": [{\"issuer\": \"https://oidc.example/cluster-1/\", "
 *         + "\"subject\": \"system:serviceaccount:airbyte:server\"}] ... ]}");
 * Files.writeString(tokenFile, issuer.token("system:serviceaccount:airbyte:server", Duration.ofHours(1)));
 * }</pre>
 */
public final class WorkloadIssuer {
    /** The audience Entra expects in federated tokens. */
    public static final String ENTRA_AUDIENCE = "api://AzureADTokenExchange";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String issuer;
    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();

    private WorkloadIssuer(String issuer, KeyPair keys) {
        this.issuer = issuer;
        this.keys = keys;
    }

    public static WorkloadIssuer generate(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new WorkloadIssuer(Objects.requireNonNull(issuer, "issuer"), generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The {@code federatedIssuers} state item: the issuer and its public key as a JSON Web Key Set. */
    public String stateEntry() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"issuer\": \"" + issuer + "\", \"jwks\": {\"keys\": [{\"kty\": \"RSA\", \"use\": \"sig\", \"alg\": "
                + "\"RS256\", \"kid\": \"" + keyId + "\", \"n\": \"" + B64.encodeToString(unsigned(key.getModulus().toByteArray()))
                + "\", \"e\": \"" + B64.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}}";
    }

    /** A token for {@code subject} with Entra's audience, valid from now for {@code lifetime}. */
    public String token(String subject, Duration lifetime) {
        Instant now = Instant.now();
        return token(subject, ENTRA_AUDIENCE, now, now.plus(lifetime));
    }

    /** A token with any audience and validity, e.g. an expired one. */
    public String token(String subject, String audience, Instant notBefore, Instant expires) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"aud\":[\"" + audience + "\"],"
                + "\"iat\":" + notBefore.getEpochSecond() + ",\"nbf\":" + notBefore.getEpochSecond()
                + ",\"exp\":" + expires.getEpochSecond() + "}";
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    @Override
    public String toString() {
        return "WorkloadIssuer[" + issuer + "]";
    }
}
