package dev.secretstore.emulator.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault injected into one operation (or into every operation with {@link #ALL_OPERATIONS}): a throttling
 * error ({@code ThrottlingException}, "Rate exceeded"), a 500 {@code InternalServiceError}, a TCP reset before
 * the request is processed, a lost response (the request is processed, then the connection is reset, as when a
 * response is lost on the way back), or added latency. {@code times} limits how many requests it hits; {@link #UNLIMITED} keeps it on until cleared.
 */
public record Fault(Kind kind, Duration latency, int times) {
    public static final String ALL_OPERATIONS = "*";
    public static final int UNLIMITED = -1;

    /** What the fault does to a request. */
    public enum Kind { THROTTLING, INTERNAL_ERROR, CONNECTION_RESET, RESPONSE_LOST, LATENCY }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        latency = latency == null ? Duration.ZERO : latency;
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        if (times == 0 || times < UNLIMITED) {
            throw new IllegalArgumentException("times must be positive, or Fault.UNLIMITED");
        }
    }

    public static Fault throttling() {
        return new Fault(Kind.THROTTLING, Duration.ZERO, UNLIMITED);
    }

    public static Fault internalError() {
        return new Fault(Kind.INTERNAL_ERROR, Duration.ZERO, UNLIMITED);
    }

    public static Fault connectionReset() {
        return new Fault(Kind.CONNECTION_RESET, Duration.ZERO, UNLIMITED);
    }

    /** The request is processed, then the connection is reset instead of answering. */
    public static Fault responseLost() {
        return new Fault(Kind.RESPONSE_LOST, Duration.ZERO, UNLIMITED);
    }

    public static Fault latency(Duration latency) {
        return new Fault(Kind.LATENCY, latency, UNLIMITED);
    }

    /** The same fault, hitting only the next {@code n} requests. */
    public Fault times(int n) {
        return new Fault(kind, latency, n);
    }
}
