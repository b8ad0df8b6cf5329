package dev.secretstore.aws.internal;

import dev.secretstore.SecretName;
import java.util.Optional;

/**
 * Portable names and AWS names. Every portable name ({@code [A-Za-z0-9._/-]}, at most 255 characters) is
 * already a valid AWS name ({@code [A-Za-z0-9/_+=.@-]{1,512}}, case-sensitive), so names pass through
 * unchanged; an AWS name that is not a portable name is a foreign secret and is never listed.
 */
final class AwsNames {

    private AwsNames() {
    }

    static Optional<SecretName> decode(String nativeName) {
        return nativeName != null && SecretName.isValid(nativeName) ? Optional.of(SecretName.of(nativeName))
                : Optional.empty();
    }
}
