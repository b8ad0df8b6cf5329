package dev.secretstore.connections.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Small helpers over JSON Schema documents as connector specs write them. */
final class Schemas {

    /** Deeper than any real spec: a cycle of {@code $ref}s stops here instead of overflowing the stack. */
    static final int MAX_DEPTH = 64;

    private Schemas() {
    }

    /**
     * Follows a local {@code $ref} ({@code #/definitions/x}, {@code #/$defs/x}) against the root spec; other
     * refs are not followed (connector specs are published dereferenced).
     */
    static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < MAX_DEPTH && current != null && current.isObject(); hops++) {
            JsonNode ref = current.get("$ref");
            if (ref == null || !ref.isTextual() || !ref.textValue().startsWith("#")) {
                return current;
            }
            JsonNode target = root.at(ref.textValue().substring(1));
            if (target.isMissingNode()) {
                return current;
            }
            current = target;
        }
        return current;
    }

    static boolean isSecret(JsonNode schema) {
        return schema != null && schema.path("airbyte_secret").asBoolean(false);
    }
}
