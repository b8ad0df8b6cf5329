package dev.secretstore.emulator.azure.internal;

import dev.secretstore.emulator.azure.Fault;
import java.time.Duration;
import java.util.Optional;

/** What an injected fault turns a request into; empty when the request is then served normally (latency). */
final class FaultResponses {
    private FaultResponses() {
    }

    static Optional<Outcome> outcome(Fault fault) {
        return switch (fault.kind()) {
            case THROTTLE -> {
                long seconds = (fault.retryAfter().toMillis() + 999) / 1000;
                EmulatorResponse response = KeyVaultErrors.response(429, "Throttled", "Request was not processed "
                        + "because too many requests were received. Reason: A generic throttling limit was exceeded.",
                        null).withHeader("Retry-After", Long.toString(seconds));
                yield Optional.of(new Outcome.Respond(response, fault.latency()));
            }
            case SERVER_ERROR -> {
                String code = fault.status() == 503 ? "ServiceUnavailable" : "InternalServerError";
                EmulatorResponse response = KeyVaultErrors.response(fault.status(), code,
                        "The emulator injected a " + fault.status() + " fault.", null);
                yield Optional.of(new Outcome.Respond(response, fault.latency()));
            }
            case RESET -> Optional.of(new Outcome.ResetConnection(fault.latency()));
            case LATENCY -> Optional.empty();
        };
    }

    static Duration latency(Optional<Fault> fault) {
        return fault.filter(f -> f.kind() == Fault.Kind.LATENCY).map(Fault::latency).orElse(Duration.ZERO);
    }
}
