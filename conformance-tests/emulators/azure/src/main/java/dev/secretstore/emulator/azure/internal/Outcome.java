package dev.secretstore.emulator.azure.internal;

import java.time.Duration;

/** What the server does with a request: answer it (possibly late) or reset the connection. */
public sealed interface Outcome {

    Duration delay();

    record Respond(EmulatorResponse response, Duration delay) implements Outcome {
    }

    record ResetConnection(Duration delay) implements Outcome {
    }

    static Outcome respond(EmulatorResponse response) {
        return new Respond(response, Duration.ZERO);
    }
}
