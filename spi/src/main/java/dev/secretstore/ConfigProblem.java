package dev.secretstore;

import java.util.Objects;

/**
 * One problem in a store configuration: the field and what was expected, e.g.
 * {@code roleArn: required for auth_type IAM_ROLE}. Never carries the value of a secret field.
 *
 * <pre>{@code
 * return List.of(ConfigProblem.of("vaultUrl", "expected an https:// URL"));
 * }</pre>
 */
public final class ConfigProblem {

    private final String field;
    private final String message;

    private ConfigProblem(String field, String message) {
        this.field = Objects.requireNonNull(field, "field");
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * @param field   the field name (or {@code "provider"} for shape problems)
     * @param message the expectation, without the offending value
     * @return the problem
     */
    public static ConfigProblem of(String field, String message) {
        return new ConfigProblem(field, message);
    }

    /** @return the field */
    public String field() {
        return field;
    }

    /** @return the expectation */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigProblem && ((ConfigProblem) o).field.equals(field)
                && ((ConfigProblem) o).message.equals(message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, message);
    }

    /** @return {@code field: message} */
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
