package dev.secretstore.connections.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.connections.JsonPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds where a config holds secrets according to its spec: every present, non-null value whose schema says
 * {@code "airbyte_secret": true}, through nested objects, arrays (list and tuple {@code items},
 * {@code prefixItems}), {@code properties}, {@code patternProperties}, {@code additionalProperties},
 * {@code allOf}, and the {@code oneOf}/{@code anyOf} branches the config matches. When a config matches no
 * branch, or several, every candidate branch is applied: marking a value secret by mistake costs a store
 * entry, missing one leaks it.
 */
public final class SecretFields {

    private final JsonNode root;
    private final Set<JsonPath> found = new LinkedHashSet<>();

    private SecretFields(JsonNode root) {
        this.root = root;
    }

    /**
     * @param spec   the connector's spec: either the JSON Schema itself or a document holding it under
     *               {@code connectionSpecification}
     * @param config the config
     * @return the paths of its secret values, outermost first, none below another
     */
    public static List<JsonPath> find(JsonNode spec, JsonNode config) {
        JsonNode schema = spec.has("connectionSpecification") ? spec.get("connectionSpecification") : spec;
        SecretFields walker = new SecretFields(schema);
        walker.visit(schema, config, JsonPath.ROOT, 0);
        List<JsonPath> outermost = new ArrayList<>();
        for (JsonPath path : walker.found) {
            if (outermost.stream().noneMatch(p -> p.isPrefixOf(path))) {
                outermost.removeIf(path::isPrefixOf);
                outermost.add(path);
            }
        }
        return outermost;
    }

    private void visit(JsonNode schemaOrRef, JsonNode node, JsonPath path, int depth) {
        if (node == null || node.isNull() || node.isMissingNode() || depth > Schemas.MAX_DEPTH) {
            return;
        }
        JsonNode schema = Schemas.resolve(root, schemaOrRef);
        if (schema == null || !schema.isObject()) {
            return;
        }
        if (Schemas.isSecret(schema)) {
            found.add(path);
            return;
        }
        for (JsonNode branch : schema.path("allOf")) {
            visit(branch, node, path, depth + 1);
        }
        visitBranches(schema.path("oneOf"), node, path, depth);
        visitBranches(schema.path("anyOf"), node, path, depth);
        if (node.isObject()) {
            visitObject(schema, node, path, depth);
        } else if (node.isArray()) {
            visitArray(schema, node, path, depth);
        }
    }

    private void visitBranches(JsonNode branches, JsonNode node, JsonPath path, int depth) {
        if (!branches.isArray() || branches.isEmpty()) {
            return;
        }
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode branch : branches) {
            if (SchemaMatch.matches(root, branch, node, depth + 1)) {
                matching.add(branch);
            }
        }
        for (JsonNode branch : matching.isEmpty() ? iterable(branches) : matching) {
            visit(branch, node, path, depth + 1);
        }
    }

    private void visitObject(JsonNode schema, JsonNode node, JsonPath path, int depth) {
        JsonNode properties = schema.path("properties");
        List<Map.Entry<Pattern, JsonNode>> patterns = patterns(schema.path("patternProperties"));
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonPath child = path.field(key);
            boolean declared = properties.has(key);
            if (declared) {
                visit(properties.get(key), field.getValue(), child, depth + 1);
            }
            boolean patterned = false;
            for (Map.Entry<Pattern, JsonNode> pattern : patterns) {
                if (pattern.getKey().matcher(key).find()) {
                    patterned = true;
                    visit(pattern.getValue(), field.getValue(), child, depth + 1);
                }
            }
            if (!declared && !patterned && additional != null && additional.isObject()) {
                visit(additional, field.getValue(), child, depth + 1);
            }
        }
    }

    private void visitArray(JsonNode schema, JsonNode node, JsonPath path, int depth) {
        JsonNode prefix = schema.has("prefixItems") ? schema.get("prefixItems")
                : schema.path("items").isArray() ? schema.get("items") : null;
        JsonNode rest = schema.path("items").isObject() ? schema.get("items")
                : schema.path("additionalItems").isObject() ? schema.get("additionalItems") : null;
        for (int i = 0; i < node.size(); i++) {
            JsonNode itemSchema = prefix != null && i < prefix.size() ? prefix.get(i) : rest;
            if (itemSchema != null) {
                visit(itemSchema, node.get(i), path.index(i), depth + 1);
            }
        }
    }

    private static List<Map.Entry<Pattern, JsonNode>> patterns(JsonNode patternProperties) {
        List<Map.Entry<Pattern, JsonNode>> patterns = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = patternProperties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            try {
                patterns.add(Map.entry(Pattern.compile(entry.getKey()), entry.getValue()));
            } catch (PatternSyntaxException e) {
                // A pattern Java cannot read applies to every key: marking too much costs a store entry,
                // marking too little could leak a secret.
                patterns.add(Map.entry(Pattern.compile(""), entry.getValue()));
            }
        }
        return patterns;
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
