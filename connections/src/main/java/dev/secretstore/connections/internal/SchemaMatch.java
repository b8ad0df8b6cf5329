package dev.secretstore.connections.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.connections.SecretReference;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a config value fits a {@code oneOf}/{@code anyOf} branch: the structural keywords connector specs
 * use to tell branches apart ({@code const}, single-value {@code enum}, {@code type}, {@code required},
 * nested properties, items). Not a full validator: formats, lengths and patterns never decide a branch.
 *
 * <p>A secret field holding a reference or the mask matches its schema whatever its type, so a sanitised
 * or masked config selects the same branch as the full one.
 */
final class SchemaMatch {

    private SchemaMatch() {
    }

    static boolean matches(JsonNode root, JsonNode schema, JsonNode node, int depth) {
        if (depth > Schemas.MAX_DEPTH) {
            return true;
        }
        schema = Schemas.resolve(root, schema);
        if (schema == null || !schema.isObject()) {
            return schema == null || !schema.isBoolean() || schema.booleanValue();
        }
        if (Schemas.isSecret(schema) && (SecretReference.fromJson(node).isPresent()
                || (node.isTextual() && node.textValue().equals(SecretMasks.MASK)))) {
            return true;
        }
        JsonNode constant = schema.get("const");
        if (constant != null && !constant.equals(node)) {
            return false;
        }
        JsonNode enumeration = schema.get("enum");
        if (enumeration != null && enumeration.isArray() && !contains(enumeration, node)) {
            return false;
        }
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(type, node)) {
            return false;
        }
        if (node.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (required.isTextual() && !node.has(required.textValue())) {
                    return false;
                }
            }
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode sub = properties.get(field.getKey());
                if (sub != null && !matches(root, sub, field.getValue(), depth + 1)) {
                    return false;
                }
                if (sub == null && schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").booleanValue() && !schema.has("patternProperties")) {
                    return false;
                }
            }
        }
        if (node.isArray() && schema.path("items").isObject()) {
            for (JsonNode element : node) {
                if (!matches(root, schema.get("items"), element, depth + 1)) {
                    return false;
                }
            }
        }
        for (JsonNode branch : schema.path("allOf")) {
            if (!matches(root, branch, node, depth + 1)) {
                return false;
            }
        }
        if (schema.has("anyOf") && !any(root, schema.get("anyOf"), node, depth)) {
            return false;
        }
        return !schema.has("oneOf") || any(root, schema.get("oneOf"), node, depth);
    }

    private static boolean any(JsonNode root, JsonNode branches, JsonNode node, int depth) {
        if (!branches.isArray() || branches.isEmpty()) {
            return true;
        }
        for (JsonNode branch : branches) {
            if (matches(root, branch, node, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode array, JsonNode node) {
        for (JsonNode candidate : array) {
            if (candidate.equals(node)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeMatches(JsonNode type, JsonNode node) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, node)) {
                    return true;
                }
            }
            return type.isEmpty();
        }
        return switch (type.asText()) {
            case "object" -> node.isObject();
            case "array" -> node.isArray();
            case "string" -> node.isTextual();
            case "integer" -> node.isIntegralNumber() || (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()));
            case "number" -> node.isNumber();
            case "boolean" -> node.isBoolean();
            case "null" -> node.isNull();
            default -> true;
        };
    }
}
