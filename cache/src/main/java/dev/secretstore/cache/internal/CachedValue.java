package dev.secretstore.cache.internal;

import dev.secretstore.Secret;
import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import java.time.Instant;

/**
 * One cached latest version. The cache owns {@code value} (nobody else holds it) and zeroes it when the
 * entry leaves the cache; readers get copies, and a copy that raced with the zeroing is detected by
 * {@link SecretValue#copyOf} and read again.
 */
final class CachedValue {

    final SecretName name;
    final String version;
    final SecretValue value;
    final Instant createdAt;
    /** When the store last confirmed this value ({@code System.nanoTime()} scale). */
    volatile long confirmedAt;
    /**
     * Set by the lookup that finds the value past its ttl (the hit path reads this instead of the clock); cleared
     * when the store confirms the value again.
     */
    volatile boolean pastTtl;

    CachedValue(Secret secret, long now) {
        this.name = secret.name();
        this.version = secret.version();
        this.value = secret.value();
        this.createdAt = secret.createdAt().orElse(null);
        this.confirmedAt = now;
    }

    /** @throws IllegalStateException when the value was zeroed (evicted) meanwhile */
    Secret copy() {
        return new Secret(name, version, SecretValue.copyOf(value), createdAt);
    }

    @Override
    public String toString() {
        return "CachedValue[" + name + ", version " + version + ", value *** redacted ***]";
    }
}
