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

    private CachedValue(CachedValue confirmed, SecretValue value, long now) {
        this.name = confirmed.name;
        this.version = confirmed.version;
        this.value = value;
        this.createdAt = confirmed.createdAt;
        this.confirmedAt = now;
    }

    /**
     * @param now when the store confirmed this version again
     * @return the same version, with its own copy of the value, to replace this one in the cache
     * @throws IllegalStateException when the value was zeroed (evicted) meanwhile
     */
    CachedValue confirmedCopy(long now) {
        return new CachedValue(this, SecretValue.copyOf(value), now);
    }

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
