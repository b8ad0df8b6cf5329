package dev.secretstore.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a sanitised config holds where a secret was: {@code {"_secret": "<coordinate>"}}, optionally with
 * {@code "_secret_storage_id"} (the store it lives in, when a platform holds several) and
 * {@code "_secret_external": true} (a secret the customer manages, given as {@code secret_coordinate::<name>}:
 * read, never written or deleted). A secret that was not text is stored as its JSON and marked
 * {@code "_secret_json": true}, so hydration gives back the same node.
 *
 * <pre>{@code
 * SecretReference.fromJson(node).ifPresent(ref -> System.out.println(ref.coordinate()));
 * }</pre>
 */
public final class SecretReference {

    /** The coordinate field. */
    public static final String SECRET = "_secret";
    /** The store id field. */
    public static final String STORAGE_ID = "_secret_storage_id";
    /** Marks an external reference. */
    public static final String EXTERNAL = "_secret_external";
    /** Marks a secret stored as JSON text. */
    public static final String JSON = "_secret_json";
    /** The prefix by which a config value names an existing external secret. */
    public static final String EXTERNAL_PREFIX = "secret_coordinate::";

    private static final Set<String> FIELDS = Set.of(SECRET, STORAGE_ID, EXTERNAL, JSON);

    private final String coordinate;
    private final String storageId;
    private final boolean external;
    private final boolean json;

    private SecretReference(String coordinate, String storageId, boolean external, boolean json) {
        this.coordinate = Objects.requireNonNull(coordinate, "coordinate");
        this.storageId = storageId;
        this.external = external;
        this.json = json;
    }

    /**
     * @param coordinate a managed coordinate
     * @param storageId  the store's id, or {@code null} for the default store
     * @param json       whether the value is stored as JSON text (it was not a string)
     * @return a reference to a managed secret
     */
    public static SecretReference managed(SecretCoordinate coordinate, String storageId, boolean json) {
        return new SecretReference(coordinate.toString(), storageId, false, json);
    }

    /**
     * @param name      the secret's name in the customer's store
     * @param storageId the store's id, or {@code null} for the default store
     * @return a reference that is never written or deleted
     */
    public static SecretReference external(String name, String storageId) {
        return new SecretReference(name, storageId, true, false);
    }

    /**
     * @param node any JSON node
     * @return the reference, when {@code node} is an object holding a textual {@code _secret} and only
     *     reference fields
     */
    public static Optional<SecretReference> fromJson(JsonNode node) {
        if (node == null || !node.isObject() || !node.path(SECRET).isTextual()) {
            return Optional.empty();
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                return Optional.empty();
            }
        }
        JsonNode storage = node.get(STORAGE_ID);
        if (storage != null && !storage.isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new SecretReference(node.get(SECRET).textValue(), storage == null ? null : storage.textValue(),
                node.path(EXTERNAL).asBoolean(false), node.path(JSON).asBoolean(false)));
    }

    /** @return the coordinate (managed) or the customer's secret name (external) */
    public String coordinate() {
        return coordinate;
    }

    /** @return the store's id; empty for the default store */
    public Optional<String> storageId() {
        return Optional.ofNullable(storageId);
    }

    /** @return whether secretstore owns this secret: a managed coordinate not marked external */
    public boolean isManaged() {
        return !external && SecretCoordinate.parse(coordinate).isPresent();
    }

    /** @return the managed coordinate; empty for an external reference */
    public Optional<SecretCoordinate> managedCoordinate() {
        return external ? Optional.empty() : SecretCoordinate.parse(coordinate);
    }

    /** @return whether the value is stored as JSON text */
    public boolean isJson() {
        return json;
    }

    /** @return the reference as it appears in a sanitised config */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(SECRET, coordinate);
        if (storageId != null) {
            node.put(STORAGE_ID, storageId);
        }
        if (external) {
            node.put(EXTERNAL, true);
        }
        if (json) {
            node.put(JSON, true);
        }
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretReference r && r.coordinate.equals(coordinate) && Objects.equals(r.storageId, storageId)
                && r.external == external && r.json == json;
    }

    @Override
    public int hashCode() {
        return Objects.hash(coordinate, storageId, external, json);
    }

    /** @return the reference's JSON: a coordinate is a name, not a secret */
    @Override
    public String toString() {
        return toJson().toString();
    }
}
