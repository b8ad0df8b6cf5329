package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of request members; a member of the wrong JSON type is a SerializationException, as in AWS. */
final class JsonFields {
    private final JsonNode body;

    JsonFields(JsonNode body) {
        this.body = body;
    }

    boolean has(String name) {
        JsonNode n = body.get(name);
        return n != null && !n.isNull();
    }

    String string(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw SecretsManagerErrors.serialization("Expected a string for " + name);
        }
        return n.asText();
    }

    String required(String name, String member) {
        String v = string(name);
        if (v == null) {
            throw SecretsManagerErrors.validation(member, "Member must not be null");
        }
        return v;
    }

    Boolean bool(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw SecretsManagerErrors.serialization("Expected a boolean for " + name);
        }
        return n.asBoolean();
    }

    Long number(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            throw SecretsManagerErrors.serialization("Expected an integer for " + name);
        }
        return n.asLong();
    }

    byte[] blob(String name) {
        String v = string(name);
        if (v == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            throw SecretsManagerErrors.serialization("Expected base64 for " + name);
        }
    }

    List<String> strings(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw SecretsManagerErrors.serialization("Expected a list for " + name);
        }
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    /** The {@code Tags} list as key to value, in request order; null when absent. */
    Map<String, String> tags(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw SecretsManagerErrors.serialization("Expected a list for " + name);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode tag : n) {
            JsonNode key = tag.get("Key");
            JsonNode value = tag.get("Value");
            out.put(key == null || key.isNull() ? null : key.asText(),
                    value == null || value.isNull() ? null : value.asText());
        }
        return out;
    }

    JsonNode node(String name) {
        return body.get(name);
    }
}
