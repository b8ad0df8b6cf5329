package dev.secretstore.connections;

import dev.secretstore.SecretName;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one managed secret version: {@code airbyte_<scope type>_<scope id>_secret_<uuid>_v<n>}. A
 * changed value gets the next version, a new coordinate; the old one is deleted once nothing refers to it.
 * Anything that does not parse as this shape is an external coordinate, which secretstore never writes
 * or deletes.
 *
 * <pre>{@code
 * SecretCoordinate c = SecretCoordinate.create(SecretScope.workspace("ws-1"));   // ..._v1
 * SecretCoordinate d = c.next();                                                 // same base, _v2
 * SecretCoordinate.parse("airbyte_workspace_ws-1_secret_<uuid>_v2");             // Optional
 * }</pre>
 */
public final class SecretCoordinate {

    private static final Pattern SHAPE = Pattern.compile("airbyte_(workspace|organization)_(" + SecretScope.ID.pattern()
            + ")_secret_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_v([1-9][0-9]{0,8})");

    private final SecretScope scope;
    private final UUID id;
    private final int version;

    private SecretCoordinate(SecretScope scope, UUID id, int version) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.id = Objects.requireNonNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        this.version = version;
    }

    /**
     * @param scope the owner
     * @return a new coordinate with a random UUID, version 1
     */
    public static SecretCoordinate create(SecretScope scope) {
        return new SecretCoordinate(scope, UUID.randomUUID(), 1);
    }

    /**
     * @param scope   the owner
     * @param id      the secret's UUID
     * @param version the version, from 1
     * @return the coordinate
     */
    public static SecretCoordinate of(SecretScope scope, UUID id, int version) {
        return new SecretCoordinate(scope, id, version);
    }

    /**
     * @param text a coordinate
     * @return the managed coordinate, or empty when {@code text} is not of the managed shape
     */
    public static Optional<SecretCoordinate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        SecretScope scope = m.group(1).equals("workspace") ? SecretScope.workspace(m.group(2))
                : SecretScope.organization(m.group(2));
        return Optional.of(new SecretCoordinate(scope, UUID.fromString(m.group(3)), Integer.parseInt(m.group(4))));
    }

    /** @return the owner */
    public SecretScope scope() {
        return scope;
    }

    /** @return the UUID shared by every version of this secret */
    public UUID id() {
        return id;
    }

    /** @return the version, from 1 */
    public int version() {
        return version;
    }

    /** @return the same secret's next version */
    public SecretCoordinate next() {
        return new SecretCoordinate(scope, id, Math.addExact(version, 1));
    }

    /** @return the store name of this version */
    public SecretName name() {
        return SecretName.of(toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretCoordinate c && c.scope.equals(scope) && c.id.equals(id) && c.version == version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, id, version);
    }

    /** @return {@code airbyte_<type>_<id>_secret_<uuid>_v<n>} */
    @Override
    public String toString() {
        return "airbyte_" + scope.type().word() + "_" + scope.id() + "_secret_" + id + "_v" + version;
    }
}
