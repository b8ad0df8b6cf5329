package dev.secretstore.gcp.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;

/**
 * Checks that {@code credentialsJson} has the shape of a service-account key file. Problems name the missing
 * member, never quote any part of the document (a parser's message would quote the offending token, which may
 * be a piece of the private key).
 */
final class ServiceAccountKeyJson {

    private static final List<String> REQUIRED = List.of("client_email", "private_key", "private_key_id");

    private ServiceAccountKeyJson() {
    }

    static Optional<String> problem(String json) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.of("is not valid JSON; expected the content of a service-account key file, as a string");
        }
        if (!root.isJsonObject()) {
            return Optional.of("is not a JSON object; expected the content of a service-account key file");
        }
        JsonObject key = root.getAsJsonObject();
        if (!isString(key, "type") || !"service_account".equals(key.get("type").getAsString())) {
            return Optional.of("is not a service-account key: its \"type\" must be \"service_account\" "
                    + "(for other credentials use auth_type WORKLOAD_IDENTITY)");
        }
        for (String member : REQUIRED) {
            if (!isString(key, member) || key.get(member).getAsString().isBlank()) {
                return Optional.of("is missing \"" + member + "\" of a service-account key file");
            }
        }
        return Optional.empty();
    }

    /** The key's {@code project_id}, if it has one. */
    static Optional<String> projectId(String json) {
        try {
            JsonObject key = JsonParser.parseString(json).getAsJsonObject();
            return isString(key, "project_id") ? Optional.of(key.get("project_id").getAsString()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isString(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }
}
