package dev.secretstore.emulator.azure.internal;

/** Turns a request into an outcome. Runs on a Netty event loop: it must not block. */
@FunctionalInterface
public interface RequestHandler {
    Outcome handle(EmulatorRequest request);
}
