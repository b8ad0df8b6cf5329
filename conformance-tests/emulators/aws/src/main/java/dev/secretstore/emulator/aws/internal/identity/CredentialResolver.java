package dev.secretstore.emulator.aws.internal.identity;

import java.util.Optional;

/** Finds the credential an access key id belongs to. */
@FunctionalInterface
public interface CredentialResolver {
    Optional<Credential> resolve(String accessKeyId);
}
