package dev.secretstore.migrate;

import dev.secretstore.SecretName;
import java.util.Objects;

/**
 * One secret a migration could not move, or that the target cannot hold, and why. The reason names the secret,
 * its versions and tags, never a value.
 *
 * @param name   the secret
 * @param reason what went wrong, as a sentence
 */
public record SecretProblem(SecretName name, String reason) {

    /** Both are required. */
    public SecretProblem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
    }
}
