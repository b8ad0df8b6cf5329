package dev.secretstore.emulator.azure;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A fault the emulator injects into the next matching requests: throttling (429 with {@code Retry-After}), a 5xx
 * answer, a connection reset, or added latency (the request is then served normally).
 *
 * <pre>{@code
 * emulator.injectFault(Fault.throttle(Duration.ofSeconds(1)).times(2).on(Operation.GET_SECRET));
 * }</pre>
 *
 * @param kind what happens
 * @param status the HTTP status for {@link Kind#THROTTLE} (429) and {@link Kind#SERVER_ERROR} (5xx)
 * @param retryAfter the {@code Retry-After} of a throttled answer
 * @param latency the delay before answering (for {@link Kind#LATENCY}, or before a reset)
 * @param times how many matching requests it affects; 0 means every one until cleared
 * @param operations the only operations it affects (its count shared between them), or empty for every vault
 *     and token request
 */
public record Fault(Kind kind, int status, Duration retryAfter, Duration latency, int times,
                    Set<Operation> operations) {

    /** What a fault does. */
    public enum Kind { THROTTLE, SERVER_ERROR, RESET, LATENCY }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(latency, "latency");
        operations = Set.copyOf(Objects.requireNonNull(operations, "operations"));
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0 (0 = until cleared), was " + times);
        }
        if (kind == Kind.SERVER_ERROR && (status < 500 || status > 599)) {
            throw new IllegalArgumentException("a server error needs a 5xx status, was " + status);
        }
        if (retryAfter.isNegative() || latency.isNegative()) {
            throw new IllegalArgumentException("retryAfter and latency must not be negative");
        }
    }

    /** 429 Too Many Requests with {@code Retry-After} in whole seconds, once. */
    public static Fault throttle(Duration retryAfter) {
        return new Fault(Kind.THROTTLE, 429, retryAfter, Duration.ZERO, 1, Set.of());
    }

    /** A 5xx answer (500, 502, 503, 504...), once. */
    public static Fault serverError(int status) {
        return new Fault(Kind.SERVER_ERROR, status, Duration.ZERO, Duration.ZERO, 1, Set.of());
    }

    /** The TCP connection is reset (RST) instead of answered, once. */
    public static Fault connectionReset() {
        return new Fault(Kind.RESET, 0, Duration.ZERO, Duration.ZERO, 1, Set.of());
    }

    /** The request is answered normally after {@code latency}, once. */
    public static Fault latency(Duration latency) {
        return new Fault(Kind.LATENCY, 0, Duration.ZERO, latency, 1, Set.of());
    }

    /** Affects the next {@code times} matching requests; 0 = every matching request until cleared. */
    public Fault times(int times) {
        return new Fault(kind, status, retryAfter, latency, times, operations);
    }

    /** Affects only this operation. */
    public Fault on(Operation operation) {
        return new Fault(kind, status, retryAfter, latency, times, Set.of(operation));
    }

    /**
     * Affects only these operations; a counted fault is used up by that many requests of any of them together
     * (as the conformance kit's fault contract counts calls of several kinds).
     */
    public Fault onAny(Set<Operation> operations) {
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("name at least one operation");
        }
        return new Fault(kind, status, retryAfter, latency, times, operations);
    }

    /** Whether the fault applies to a request of this operation. */
    public boolean appliesTo(Operation operation) {
        return operations.isEmpty() || operations.contains(operation);
    }
}
