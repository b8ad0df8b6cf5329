package dev.secretstore.emulator.aws.internal.identity;

import dev.secretstore.emulator.aws.internal.iam.Principal;
import java.time.Instant;

/**
 * A signing key and whose it is. Session credentials carry their token and expiry; long-term keys have neither.
 * {@code toString} leaves the secret parts out.
 */
public record Credential(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                         Principal principal) {

    @Override
    public String toString() {
        return "Credential[" + accessKeyId + " of " + principal.arn() + "]";
    }
}
