package dev.secretstore.emulator.aws.internal.sigv4;

import dev.secretstore.emulator.aws.internal.http.HttpRequestView;
import dev.secretstore.emulator.aws.internal.identity.Credential;
import dev.secretstore.emulator.aws.internal.identity.CredentialResolver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Verifies an AWS Signature Version 4 {@code Authorization} header against the known keys. The order of checks
 * follows what a caller sees from AWS: the key and its session token first, then the request time, then the
 * signature itself.
 */
public final class SigV4Verifier {
    private static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private final CredentialResolver credentials;

    public SigV4Verifier(CredentialResolver credentials) {
        this.credentials = credentials;
    }

    /** The signing credential and the region the request was scoped to. */
    public record Verified(Credential credential, String region) {
    }

    public Verified verify(HttpRequestView request, String service, Instant now) {
        String header = request.header("authorization");
        if (header == null || header.isBlank()) {
            throw new AuthFailure(AuthFailure.Kind.MISSING, "Missing Authentication Token");
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(header);

        Credential credential = credentials.resolve(auth.accessKeyId())
                .orElseThrow(() -> new AuthFailure(AuthFailure.Kind.UNKNOWN_KEY,
                        "The security token included in the request is invalid."));
        String token = request.header("x-amz-security-token");
        if (credential.sessionToken() == null) {
            if (token != null) {
                throw new AuthFailure(AuthFailure.Kind.UNKNOWN_KEY,
                        "The security token included in the request is invalid.");
            }
        } else {
            if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    credential.sessionToken().getBytes(StandardCharsets.UTF_8))) {
                throw new AuthFailure(AuthFailure.Kind.UNKNOWN_KEY,
                        "The security token included in the request is invalid.");
            }
            if (!now.isBefore(credential.expiration())) {
                throw new AuthFailure(AuthFailure.Kind.EXPIRED_TOKEN,
                        "The security token included in the request is expired");
            }
        }

        String amzDate = request.header("x-amz-date");
        if (amzDate == null) {
            throw new AuthFailure(AuthFailure.Kind.INCOMPLETE,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new AuthFailure(AuthFailure.Kind.INCOMPLETE, "Date must be in ISO-8601 'basic format'. Got '"
                    + amzDate + "'.");
        }
        checkSkew(signedAt, now);
        if (!amzDate.startsWith(auth.date())) {
            throw new AuthFailure(AuthFailure.Kind.BAD_SIGNATURE, "Date in Credential scope does not match YYYYMMDD "
                    + "from ISO-8601 version of date from HTTP: '" + auth.date() + "' != '"
                    + amzDate.substring(0, Math.min(8, amzDate.length())) + "', from '" + amzDate + "'.");
        }
        if (!service.equals(auth.service())) {
            throw new AuthFailure(AuthFailure.Kind.BAD_SIGNATURE,
                    "Credential should be scoped to correct service: '" + service + "'. ");
        }

        String bodyHash = Hashing.sha256Hex(request.body());
        String claimedHash = request.header("x-amz-content-sha256");
        String payloadHash = claimedHash == null ? bodyHash : claimedHash;
        if (claimedHash != null && !UNSIGNED_PAYLOAD.equals(claimedHash) && !claimedHash.equals(bodyHash)) {
            throw new AuthFailure(AuthFailure.Kind.BAD_SIGNATURE,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        String canonical = CanonicalRequest.of(request, auth.signedHeaders(), payloadHash);
        String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n"
                + Hashing.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        byte[] key = Hashing.signingKey(credential.secretAccessKey(), auth.date(), auth.region(), auth.service());
        String expected = HexFormat.of().formatHex(Hashing.hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                auth.signature().getBytes(StandardCharsets.UTF_8))) {
            throw new AuthFailure(AuthFailure.Kind.BAD_SIGNATURE, "The request signature we calculated does not "
                    + "match the signature you provided. Check your AWS Secret Access Key and signing method. "
                    + "Consult the service documentation for details.");
        }
        return new Verified(credential, auth.region());
    }

    private static void checkSkew(Instant signedAt, Instant now) {
        String signed = AMZ_DATE.format(signedAt.atOffset(ZoneOffset.UTC));
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw new AuthFailure(AuthFailure.Kind.SIGNATURE_EXPIRED, "Signature expired: " + signed
                    + " is now earlier than " + format(now.minus(MAX_SKEW)) + " (" + format(now) + " - 5 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new AuthFailure(AuthFailure.Kind.SIGNATURE_EXPIRED, "Signature not yet current: " + signed
                    + " is still later than " + format(now.plus(MAX_SKEW)) + " (" + format(now) + " + 5 min.)");
        }
    }

    private static String format(Instant instant) {
        return AMZ_DATE.format(instant.atOffset(ZoneOffset.UTC).withNano(0));
    }
}
