package dev.secretstore;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@link SecretStore#readAll}: either the secret or the reason it could not be read
 * (typically {@link SecretNotFoundException}).
 *
 * <pre>{@code
 * store.readAll(names).forEach((name, result) -> result.secret().ifPresentOrElse(
 *         s -> use(s.value()),
 *         () -> log.warn("{}", result.failure().get().getMessage())));
 * }</pre>
 */
public final class ReadResult {

    private final SecretName name;
    private final Secret secret;
    private final SecretStoreException failure;

    private ReadResult(SecretName name, Secret secret, SecretStoreException failure) {
        this.name = Objects.requireNonNull(name, "name");
        this.secret = secret;
        this.failure = failure;
    }

    /**

     * @param secret the secret read

     * @return a present result

     */
    public static ReadResult of(Secret secret) {
        return new ReadResult(secret.name(), secret, null);
    }

    /**

     * @param name the name

     * @param failure why it was not read

     * @return an absent result

     */
    public static ReadResult failed(SecretName name, SecretStoreException failure) {
        return new ReadResult(name, null, Objects.requireNonNull(failure, "failure"));
    }

    /** @return the name asked for */
    public SecretName name() {
        return name;
    }

    /** @return the secret, if read */
    public Optional<Secret> secret() {
        return Optional.ofNullable(secret);
    }

    /** @return why the secret was not read, if it was not */
    public Optional<SecretStoreException> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return whether the secret was read */
    public boolean isPresent() {
        return secret != null;
    }

    @Override
    public String toString() {
        return secret != null ? "ReadResult[" + secret + "]"
                : "ReadResult[name=" + name + ", failure=" + failure.getClass().getSimpleName() + "]";
    }
}
