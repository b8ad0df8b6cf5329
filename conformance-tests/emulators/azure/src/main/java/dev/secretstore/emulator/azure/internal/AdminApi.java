package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.azure.Fault;
import dev.secretstore.emulator.azure.Operation;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin endpoint under {@code /_emulator/} (no authentication: the server listens on loopback only). It
 * offers what the Java control API offers; see the README for the request bodies.
 */
final class AdminApi {
    static final String PREFIX = "/_emulator/";

    private final EmulatorCore core;

    AdminApi(EmulatorCore core) {
        this.core = core;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        String resource = request.path().substring(PREFIX.length()).replaceAll("/+$", "");
        String method = request.method();
        try {
            return switch (method + " " + resource) {
                case "GET health" -> EmulatorResponse.json(200, Json.object().put("status", "ok"));
                case "POST state", "PUT state" -> {
                    core.loadState(StateParser.parse(request.bodyText()));
                    yield EmulatorResponse.empty(204);
                }
                case "POST secrets" -> plant(request);
                case "POST faults" -> {
                    core.injectFault(fault(body(request)));
                    yield EmulatorResponse.empty(204);
                }
                case "DELETE faults" -> {
                    core.clearFaults();
                    yield EmulatorResponse.empty(204);
                }
                case "GET requests" -> counts();
                case "DELETE requests" -> {
                    core.resetRequestCounts();
                    yield EmulatorResponse.empty(204);
                }
                case "POST reset" -> {
                    core.reset();
                    yield EmulatorResponse.empty(204);
                }
                case "POST clock" -> {
                    core.advanceClock(Duration.ofSeconds(body(request).path("advanceSeconds").asLong()));
                    yield EmulatorResponse.empty(204);
                }
                default -> adminError(404, "no admin operation " + method + " " + request.path());
            };
        } catch (IllegalArgumentException e) {
            return adminError(400, e.getMessage());
        }
    }

    private EmulatorResponse plant(EmulatorRequest request) {
        JsonNode body = body(request);
        Map<String, String> tags = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.path("tags").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            tags.put(tag.getKey(), tag.getValue().asText());
        }
        String name = text(body, "name");
        String value = text(body, "value");
        SecretView planted = core.plant(new InitialSecret(name, value,
                body.hasNonNull("contentType") ? body.get("contentType").asText() : null, tags,
                !body.has("enabled") || body.get("enabled").asBoolean()));
        return EmulatorResponse.json(200, Json.object().put("name", planted.name()).put("version", planted.version()));
    }

    private EmulatorResponse counts() {
        ObjectNode body = Json.object();
        long total = 0;
        for (Map.Entry<Operation, Long> entry : core.requestCounts().entrySet()) {
            body.put(entry.getKey().restName(), entry.getValue());
            total += entry.getValue();
        }
        body.put("total", total);
        return EmulatorResponse.json(200, body);
    }

    static Fault fault(JsonNode body) {
        String kind = text(body, "kind").toLowerCase(java.util.Locale.ROOT);
        Fault fault = switch (kind) {
            case "throttle" -> Fault.throttle(Duration.ofSeconds(body.path("retryAfterSeconds").asLong(1)));
            case "server-error" -> Fault.serverError(body.path("status").asInt(500));
            case "reset" -> Fault.connectionReset();
            case "latency" -> Fault.latency(Duration.ofMillis(body.path("latencyMillis").asLong(0)));
            default -> throw new IllegalArgumentException("fault kind must be throttle, server-error, reset or "
                    + "latency, was '" + kind + "'");
        };
        fault = fault.times(body.path("times").asInt(1));
        if (body.hasNonNull("operation")) {
            fault = fault.on(Operation.fromName(body.get("operation").asText()));
        }
        return fault;
    }

    private static JsonNode body(EmulatorRequest request) {
        try {
            JsonNode node = Json.MAPPER.readTree(request.body());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON", e);
        }
    }

    private static String text(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return body.get(field).asText();
    }

    private static EmulatorResponse adminError(int status, String message) {
        return EmulatorResponse.json(status, Json.object().put("error", message));
    }
}
