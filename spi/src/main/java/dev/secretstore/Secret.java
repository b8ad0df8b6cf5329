package dev.secretstore;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret read from a store: its name, the version read and the value. {@link #toString()} redacts
 * the value.
 *
 * <pre>{@code
 * Secret secret = store.read(SecretName.of("db/password"));
 * connect(user, secret.value().text());
 * }</pre>
 */
public final class Secret {

    private final SecretName name;
    private final String version;
    private final SecretValue value;
    private final Instant createdAt;

    /**
     * @param name      name
     * @param version   provider's version id
     * @param value     value
     * @param createdAt when this version was created, may be {@code null}
     */
    public Secret(SecretName name, String version, SecretValue value, Instant createdAt) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.value = Objects.requireNonNull(value, "value");
        this.createdAt = createdAt;
    }

    /**
     * @param name    name
     * @param version provider's version id
     * @param value   value
     * @return a secret without creation time
     */
    public static Secret of(SecretName name, String version, SecretValue value) {
        return new Secret(name, version, value, null);
    }

    /** @return the name */
    public SecretName name() {
        return name;
    }

    /** @return the version that was read */
    public String version() {
        return version;
    }

    /** @return the value */
    public SecretValue value() {
        return value;
    }

    /** @return when this version was created, if the provider knows */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Secret)) {
            return false;
        }
        Secret other = (Secret) o;
        return name.equals(other.name) && version.equals(other.version) && value.equals(other.value)
                && Objects.equals(createdAt, other.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version);
    }

    @Override
    public String toString() {
        return "Secret[name=" + name + ", version=" + version + ", value=*** redacted ***]";
    }
}
