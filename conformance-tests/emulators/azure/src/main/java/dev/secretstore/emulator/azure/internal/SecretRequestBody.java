package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the bodies of SetSecret (SecretSetParameters) and UpdateSecret (SecretUpdateParameters). */
public record SecretRequestBody(Optional<String> value, SecretChanges changes) {

    public static SecretRequestBody parse(byte[] body) {
        if (body.length == 0) {
            return new SecretRequestBody(Optional.empty(), SecretChanges.none());
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw KeyVaultErrors.badParameter("The request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw KeyVaultErrors.badParameter("The request body must be a JSON object.");
        }
        JsonNode attributes = root.path("attributes");
        return new SecretRequestBody(
                text(root, "value"),
                new SecretChanges(text(root, "contentType"), tags(root.get("tags")),
                        attributes.hasNonNull("enabled") ? Optional.of(attributes.get("enabled").asBoolean())
                                : Optional.empty(),
                        epoch(attributes, "nbf"), epoch(attributes, "exp")));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw KeyVaultErrors.badParameter("Property '" + field + "' must be a string.");
        }
        return Optional.of(value.asText());
    }

    private static Optional<Long> epoch(JsonNode attributes, String field) {
        JsonNode value = attributes.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToLong()) {
            throw KeyVaultErrors.badParameter("Attribute '" + field + "' must be a number of seconds since the epoch.");
        }
        return Optional.of(value.asLong());
    }

    private static Optional<Map<String, String>> tags(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw KeyVaultErrors.badParameter("Property 'tags' must be an object of strings.");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            tags.put(tag.getKey(), tag.getValue().isNull() ? "" : tag.getValue().asText());
        }
        return Optional.of(tags);
    }

    @Override
    public String toString() {
        return "SecretRequestBody[value=*** redacted ***]";
    }
}
