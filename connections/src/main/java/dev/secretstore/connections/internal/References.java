package dev.secretstore.connections.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.connections.JsonPath;
import dev.secretstore.connections.SecretReference;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Finds every secret reference in a config, wherever it is: hydration needs no spec. */
public final class References {

    private References() {
    }

    /**
     * @param config a sanitised config
     * @return each reference by its path, in document order
     */
    public static Map<JsonPath, SecretReference> find(JsonNode config) {
        Map<JsonPath, SecretReference> found = new LinkedHashMap<>();
        collect(config, JsonPath.ROOT, found, 0);
        return found;
    }

    private static void collect(JsonNode node, JsonPath path, Map<JsonPath, SecretReference> found, int depth) {
        if (node == null || depth > 1000) {
            return;
        }
        var reference = SecretReference.fromJson(node);
        if (reference.isPresent()) {
            found.put(path, reference.get());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(field.getValue(), path.field(field.getKey()), found, depth + 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path.index(i), found, depth + 1);
            }
        }
    }
}
