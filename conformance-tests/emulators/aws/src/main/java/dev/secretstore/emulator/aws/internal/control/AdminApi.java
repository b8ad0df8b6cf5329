package dev.secretstore.emulator.aws.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.Fault;
import dev.secretstore.emulator.aws.internal.http.HttpRequestView;
import dev.secretstore.emulator.aws.internal.http.HttpResponseView;
import dev.secretstore.emulator.aws.internal.store.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The out-of-process control API under {@code /_emulator/}: plain JSON, no signature (loopback tooling only).
 * Mirrors the Java control methods of the emulator; documented in the module README.
 */
public final class AdminApi {
    public static final String PREFIX = "/_emulator/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/json";

    private final EmulatorState state;

    public AdminApi(EmulatorState state) {
        this.state = state;
    }

    public HttpResponseView handle(HttpRequestView request) {
        String path = request.path().substring(PREFIX.length());
        String method = request.method();
        String body = new String(request.body(), StandardCharsets.UTF_8);
        try {
            if (path.equals("health") && method.equals("GET")) {
                return ok(JSON.createObjectNode().put("status", "ok"));
            }
            if (path.equals("state") && method.equals("POST")) {
                state.load(StateDocument.parse(body));
                return ok(JSON.createObjectNode().put("loaded", true));
            }
            if (path.equals("secrets") && method.equals("POST")) {
                Secret planted = state.plant(StateDocument.secret(body));
                ObjectNode out = JSON.createObjectNode().put("ARN", planted.arn()).put("Name", planted.name());
                planted.versionWithStage(Secret.CURRENT).ifPresent(v -> out.put("VersionId", v.versionId()));
                return ok(out);
            }
            if (path.equals("faults") && method.equals("DELETE")) {
                state.faults().clearAll();
                return ok(JSON.createObjectNode().put("cleared", true));
            }
            if (path.startsWith("faults/")) {
                String operation = path.substring("faults/".length());
                if (method.equals("DELETE")) {
                    state.faults().clear(operation);
                    return ok(JSON.createObjectNode().put("cleared", operation));
                }
                if (method.equals("PUT") || method.equals("POST")) {
                    state.faults().set(operation, fault(json(body)));
                    return ok(JSON.createObjectNode().put("set", operation));
                }
            }
            if (path.equals("rate-limit")) {
                if (method.equals("DELETE")) {
                    state.rateLimiter().clear();
                    return ok(JSON.createObjectNode().put("cleared", true));
                }
                if (method.equals("PUT") || method.equals("POST")) {
                    JsonNode node = json(body);
                    state.rateLimiter().set(node.path("operation").asText(Fault.ALL_OPERATIONS),
                            node.path("requestsPerSecond").asDouble(0));
                    return ok(JSON.createObjectNode().put("set", true));
                }
            }
            if (path.equals("counts")) {
                if (method.equals("GET")) {
                    return ok(JSON.valueToTree(state.counter().snapshot()));
                }
                if (method.equals("DELETE")) {
                    state.counter().reset();
                    return ok(JSON.createObjectNode().put("cleared", true));
                }
            }
            if (path.equals("clock") && method.equals("POST")) {
                state.clock().advance(Duration.ofSeconds(json(body).path("advanceSeconds").asLong(0)));
                return ok(JSON.createObjectNode().put("now", state.clock().now().toString()));
            }
            if (path.equals("reset") && method.equals("POST")) {
                state.reset();
                return ok(JSON.createObjectNode().put("reset", true));
            }
            return error(404, "No admin endpoint " + method + " " + request.path());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    private static Fault fault(JsonNode node) {
        String kind = node.path("kind").asText("");
        Fault.Kind k;
        try {
            k = Fault.Kind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be one of throttling, internal-error, connection-reset, "
                    + "response-lost, latency; got: " + kind);
        }
        return new Fault(k, Duration.ofMillis(node.path("latencyMillis").asLong(0)),
                node.path("times").asInt(Fault.UNLIMITED));
    }

    private static JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body.isEmpty() ? "{}" : body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not valid JSON" + JsonSyntax.position(e));
        }
    }

    private static HttpResponseView ok(JsonNode body) {
        return HttpResponseView.of(200, CONTENT_TYPE, body.toString());
    }

    private static HttpResponseView error(int status, String message) {
        return HttpResponseView.of(status, CONTENT_TYPE, JSON.createObjectNode().put("error", message).toString());
    }
}
