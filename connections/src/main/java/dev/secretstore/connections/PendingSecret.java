package dev.secretstore.connections;

import dev.secretstore.SecretValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One secret a split found to write: where it was in the config, the reference that replaced it, and its
 * value. {@code toString} never shows the value.
 */
public final class PendingSecret {

    private final JsonPath path;
    private final SecretReference reference;
    private final String value;
    private final SecretReference previous;

    PendingSecret(JsonPath path, SecretReference reference, String value, SecretReference previous) {
        this.path = Objects.requireNonNull(path, "path");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.value = Objects.requireNonNull(value, "value");
        this.previous = previous;
    }

    /** @return where the value was in the config */
    public JsonPath path() {
        return path;
    }

    /** @return the reference that replaces it in the sanitised config */
    public SecretReference reference() {
        return reference;
    }

    /** @return the managed coordinate to write */
    public SecretCoordinate coordinate() {
        return reference.managedCoordinate().orElseThrow();
    }

    /** @return the value to write (JSON text when {@link SecretReference#isJson()}) */
    public SecretValue value() {
        return SecretValue.ofText(value);
    }

    String text() {
        return value;
    }

    /** @return on update, the managed reference that held this path before; it may hold the same value */
    public Optional<SecretReference> previous() {
        return Optional.ofNullable(previous);
    }

    @Override
    public String toString() {
        return "PendingSecret[" + path + " -> " + reference.coordinate() + ", value=*** redacted ***]";
    }
}
