package dev.secretstore.support.retry;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One attempt of a call run by {@link RetryPolicy}: its number, and the idempotency token shared by every
 * attempt of the same call, so a retried write is recognised by the store as the same request.
 *
 * <pre>{@code
 * policy.call(Operation.CREATE, name, attempt -> client.createSecret(b -> b
 *         .name(codec.encode(name))
 *         .clientRequestToken(attempt.idempotencyToken())   // same on every attempt: one secret, one version
 *         ...));
 * }</pre>
 */
public final class Attempt {

    private final int number;
    // The call's token, drawn on first use: reads never ask for one, and a random UUID costs a SecureRandom draw.
    private final Supplier<String> idempotencyToken;

    Attempt(int number, String idempotencyToken) {
        this(number, constant(Objects.requireNonNull(idempotencyToken, "idempotencyToken")));
    }

    Attempt(int number, Supplier<String> idempotencyToken) {
        if (number < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1");
        }
        this.number = number;
        this.idempotencyToken = Objects.requireNonNull(idempotencyToken, "idempotencyToken");
    }

    private static Supplier<String> constant(String token) {
        return () -> token;
    }

    /** @return the attempt's number, 1 for the first */
    public int number() {
        return number;
    }

    /** @return a random UUID string, one per {@link RetryPolicy#call call}, the same on each of its attempts */
    public String idempotencyToken() {
        return idempotencyToken.get();
    }

    /** @return whether this is the first attempt */
    public boolean isFirst() {
        return number == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attempt && ((Attempt) o).number == number
                && ((Attempt) o).idempotencyToken().equals(idempotencyToken());
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, idempotencyToken());
    }

    @Override
    public String toString() {
        return "Attempt[" + number + ", token=" + idempotencyToken() + "]";
    }
}
