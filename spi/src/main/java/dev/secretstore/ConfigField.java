package dev.secretstore;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Describes one field of a provider's configuration. The list a provider declares drives generic
 * validation (unknown / missing / mistyped / not allowed), redaction of {@link #secret()} fields, and
 * CLI help.
 *
 * <pre>{@code
 * ConfigField authType = ConfigField.builder("auth_type")
 *         .required(true)
 *         .allowedValues("IAM_ROLE", "ACCESS_KEY")
 *         .description("how to authenticate")
 *         .build();
 * ConfigField secretKey = ConfigField.builder("awsSecretAccessKey").secret(true).build();
 * }</pre>
 */
public final class ConfigField {

    /** The JSON type a field takes. */
    public enum Type {
        /** A JSON string. */
        STRING("a string"),
        /** {@code true} or {@code false} (the strings "true"/"false" are accepted too). */
        BOOLEAN("a boolean (true or false)"),
        /** A whole number (a string of digits is accepted too). */
        INTEGER("an integer"),
        /** A JSON object (a map). */
        OBJECT("an object");

        private final String expectation;

        Type(String expectation) {
            this.expectation = expectation;
        }

        /** @return how messages describe this type, e.g. "a string" */
        public String expectation() {
            return expectation;
        }
    }

    private final String name;
    private final Type type;
    private final boolean required;
    private final boolean secret;
    private final String description;
    private final String defaultValue;
    private final Set<String> allowedValues;

    private ConfigField(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.required = b.required;
        this.secret = b.secret;
        this.description = b.description;
        this.defaultValue = b.defaultValue;
        this.allowedValues = Collections.unmodifiableSet(new LinkedHashSet<>(b.allowedValues));
    }

    /**

     * @param name field name as written in the JSON

     * @return a builder (STRING, optional, not secret)

     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return a builder with this field's settings */
    public Builder toBuilder() {
        Builder b = builder(name).type(type).required(required).secret(secret).description(description)
                .defaultValue(defaultValue);
        b.allowedValues.addAll(allowedValues);
        return b;
    }

    /** @return the name (case-sensitive) */
    public String name() {
        return name;
    }

    /** @return the type */
    public Type type() {
        return type;
    }

    /** @return whether the field must always be present (conditional requirements live in {@code validate}) */
    public boolean required() {
        return required;
    }

    /** @return whether the field is a credential: never echoed, shown as {@code ***} */
    public boolean secret() {
        return secret;
    }

    /** @return a one-line description for help output */
    public String description() {
        return description;
    }

    /** @return the default, if the field has one */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** @return the allowed values (case-sensitive); empty when any value of the type is allowed */
    public Set<String> allowedValues() {
        return allowedValues;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConfigField)) {
            return false;
        }
        ConfigField f = (ConfigField) o;
        return name.equals(f.name) && type == f.type && required == f.required && secret == f.secret
                && description.equals(f.description) && Objects.equals(defaultValue, f.defaultValue)
                && allowedValues.equals(f.allowedValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, required, secret);
    }

    @Override
    public String toString() {
        return "ConfigField[" + name + ": " + type + (required ? ", required" : "") + (secret ? ", secret" : "")
                + (allowedValues.isEmpty() ? "" : ", one of " + allowedValues)
                + (defaultValue == null ? "" : ", default " + (secret ? "***" : defaultValue)) + "]";
    }

    /** Builder of {@link ConfigField}. */
    public static final class Builder {
        private final String name;
        private Type type = Type.STRING;
        private boolean required;
        private boolean secret;
        private String description = "";
        private String defaultValue;
        private final Set<String> allowedValues = new LinkedHashSet<>();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a config field needs a name");
            }
            this.name = name;
        }

        /**

         * @param type the type

         * @return this

         */
        public Builder type(Type type) {
            this.type = Objects.requireNonNull(type);
            return this;
        }

        /**

         * @param required whether always required

         * @return this

         */
        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        /**

         * @param secret whether a credential

         * @return this

         */
        public Builder secret(boolean secret) {
            this.secret = secret;
            return this;
        }

        /**

         * @param description one line

         * @return this

         */
        public Builder description(String description) {
            this.description = description == null ? "" : description;
            return this;
        }

        /**

         * @param defaultValue default, {@code null} for none

         * @return this

         */
        public Builder defaultValue(String defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        /**

         * @param values the allowed values

         * @return this

         */
        public Builder allowedValues(String... values) {
            return allowedValues(Set.of(values));
        }

        /**

         * @param values the allowed values, in the order given when ordered

         * @return this

         */
        public Builder allowedValues(Iterable<String> values) {
            allowedValues.clear();
            values.forEach(v -> allowedValues.add(Objects.requireNonNull(v)));
            return this;
        }

        /** @return the field */
        public ConfigField build() {
            return new ConfigField(this);
        }
    }
}
