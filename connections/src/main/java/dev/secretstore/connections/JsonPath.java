package dev.secretstore.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A location in a JSON document, such as {@code $.tunnel_method.tunnel_user_password} or
 * {@code $.headers[2].value}: field names and array indexes from the root. Paths name where a secret sits,
 * never what it is, so they are safe in messages and logs.
 *
 * <pre>{@code
 * JsonPath path = JsonPath.ROOT.field("credentials").field("client_secret");
 * path.toString();   // "$.credentials.client_secret"
 * }</pre>
 */
public final class JsonPath implements Comparable<JsonPath> {

    /** The document itself, {@code $}. */
    public static final JsonPath ROOT = new JsonPath(List.of());

    private static final Pattern PLAIN_FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Each segment is a {@code String} (field) or an {@code Integer} (array index). */
    private final List<Object> segments;

    private JsonPath(List<Object> segments) {
        this.segments = segments;
    }

    /**
     * @param name a field name
     * @return this path followed by the field
     */
    public JsonPath field(String name) {
        return append(Objects.requireNonNull(name, "name"));
    }

    /**
     * @param index an array index
     * @return this path followed by the index
     */
    public JsonPath index(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        return append(index);
    }

    private JsonPath append(Object segment) {
        List<Object> next = new ArrayList<>(segments.size() + 1);
        next.addAll(segments);
        next.add(segment);
        return new JsonPath(Collections.unmodifiableList(next));
    }

    /** @return the segments: {@code String} field names and {@code Integer} indexes */
    public List<Object> segments() {
        return segments;
    }

    /**
     * @param other another path
     * @return whether {@code other} is this path or lies below it
     */
    public boolean isPrefixOf(JsonPath other) {
        return other.segments.size() >= segments.size() && other.segments.subList(0, segments.size()).equals(segments);
    }

    /**
     * @param root a document
     * @return the node at this path, or {@code null} when the document has none there
     */
    public JsonNode find(JsonNode root) {
        JsonNode node = root;
        for (Object segment : segments) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Integer i ? (node.isArray() ? node.get(i) : null)
                    : (node.isObject() ? node.get((String) segment) : null);
        }
        return node;
    }

    /**
     * Replaces the node at this path. The parent must exist.
     *
     * @param root  a mutable document
     * @param value the new node
     * @return the document, or {@code value} itself when this is {@link #ROOT}
     */
    public JsonNode replace(JsonNode root, JsonNode value) {
        if (segments.isEmpty()) {
            return value;
        }
        JsonNode parent = new JsonPath(segments.subList(0, segments.size() - 1)).find(root);
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer i && parent instanceof ArrayNode array) {
            array.set(i, value);
        } else if (last instanceof String name && parent instanceof ObjectNode object) {
            object.set(name, value);
        } else {
            throw new IllegalArgumentException("no container at " + this);
        }
        return root;
    }

    @Override
    public int compareTo(JsonPath other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** @return the path in JSONPath notation, {@code $.a.b[0]} ({@code $['a b']} for other field names) */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("$");
        for (Object segment : segments) {
            if (segment instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else if (PLAIN_FIELD.matcher((String) segment).matches()) {
                sb.append('.').append(segment);
            } else {
                sb.append("['").append(((String) segment).replace("\\", "\\\\").replace("'", "\\'")).append("']");
            }
        }
        return sb.toString();
    }
}
