package dev.secretstore.emulator.aws.internal.sm;

import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import dev.secretstore.emulator.aws.internal.store.SecretVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Adds a version under ClientRequestToken idempotency: the same token with the same value is a no-op that returns
 * the existing version; the same token with another value is refused, because versions are immutable.
 */
final class VersionWriter {
    private VersionWriter() {
    }

    /** Checks without changing anything; returns the existing version when the request is a repeat. */
    static Optional<SecretVersion> repeatOf(Secret secret, String token, String string, byte[] binary) {
        if (token == null) {
            return Optional.empty();
        }
        Optional<SecretVersion> existing = secret.version(token);
        if (existing.isPresent() && !existing.get().sameValue(string, binary)) {
            throw SecretsManagerErrors.versionExists();
        }
        return existing;
    }

    static SecretVersion write(Secret secret, String token, String string, byte[] binary, List<String> stages,
                               Instant now) {
        Optional<SecretVersion> repeat = repeatOf(secret, token, string, binary);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        SecretVersion version = new SecretVersion(token != null ? token : UUID.randomUUID().toString(), string,
                binary, now);
        secret.addVersion(version, stages);
        secret.touchChanged(now);
        return version;
    }
}
