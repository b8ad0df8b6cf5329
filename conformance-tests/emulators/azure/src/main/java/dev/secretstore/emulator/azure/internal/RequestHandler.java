package dev.secretstore.emulator.azure.internal;

/** Turns a request into an outcome. Runs on a Netty event loop: it must not block. */
@FunctionalInterface
public interface RequestHandler {
    Outcome handle(EmulatorRequest request);

    /** A request was received (before {@link #handle}); every call is followed by one {@link #answered}. */
    default void arrived() {
    }

    /** The request's answer was sent or its connection reset, after any injected latency. */
    default void answered() {
    }
}
