package dev.secretstore.emulator.aws.internal.http;

/** Turns one request into one response; called on a Netty event-loop thread. */
@FunctionalInterface
public interface RequestRouter {

    Routed route(HttpRequestView request);

    /** A response and how long to hold it back (injected latency; 0 for none). */
    record Routed(HttpResponseView response, long delayMillis) {
        public static Routed now(HttpResponseView response) {
            return new Routed(response, 0);
        }
    }
}
