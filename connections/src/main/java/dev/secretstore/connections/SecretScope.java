package dev.secretstore.connections;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who owns a config's secrets: a workspace or an organization, by id. It is the first part of every
 * coordinate, {@code airbyte_<type>_<id>_secret_<uuid>_v<n>}.
 *
 * <pre>{@code
 * SecretScope scope = SecretScope.workspace("9b2f6a5e-3c1d-4e8f-a0b7-5d6c4e3f2a10");
 * SecretScope.parse("organization:acme-eu");   // the CLI's --scope form
 * }</pre>
 */
public final class SecretScope {

    /** The kinds of owner a coordinate can name. */
    public enum Type {
        /** A workspace: coordinates {@code airbyte_workspace_<id>_secret_…}. */
        WORKSPACE,
        /** An organization: coordinates {@code airbyte_organization_<id>_secret_…}. */
        ORGANIZATION;

        /** @return the word in coordinates, {@code workspace} or {@code organization} */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Letters, digits and hyphens: a UUID or a slug, and never an underscore, which separates coordinate parts. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?");

    private final Type type;
    private final String id;

    private SecretScope(Type type, String id) {
        this.type = Objects.requireNonNull(type, "type");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a scope id is 1-64 letters, digits and inner hyphens (a UUID or a slug)"
                    + (id == null ? ", not null" : ""));
        }
        this.id = id;
    }

    /**
     * @param id the workspace id, usually a UUID
     * @return the workspace scope
     */
    public static SecretScope workspace(String id) {
        return new SecretScope(Type.WORKSPACE, id);
    }

    /**
     * @param id the organization id, usually a UUID
     * @return the organization scope
     */
    public static SecretScope organization(String id) {
        return new SecretScope(Type.ORGANIZATION, id);
    }

    /**
     * @param text {@code workspace:<id>} or {@code organization:<id>}
     * @return the scope
     * @throws IllegalArgumentException for anything else
     */
    public static SecretScope parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a scope is workspace:<id> or organization:<id>");
        }
        String kind = text.substring(0, colon);
        String id = text.substring(colon + 1);
        return switch (kind) {
            case "workspace" -> workspace(id);
            case "organization", "organisation" -> organization(id);
            default -> throw new IllegalArgumentException("a scope is workspace:<id> or organization:<id>");
        };
    }

    /** @return workspace or organization */
    public Type type() {
        return type;
    }

    /** @return the owner's id */
    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretScope s && s.type == type && s.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, id);
    }

    /** @return {@code workspace:<id>} or {@code organization:<id>} */
    @Override
    public String toString() {
        return type.word() + ":" + id;
    }
}
