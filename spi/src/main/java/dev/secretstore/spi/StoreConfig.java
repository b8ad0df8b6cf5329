package dev.secretstore.spi;

import dev.secretstore.ConfigField;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.ConfigProblem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * An immutable view of a store configuration with typed accessors that apply the fields' defaults.
 * {@link #toString()} shows secret fields (and fields the provider did not declare) as {@code ***}.
 *
 * <pre>{@code
 * public SecretStoreSpi open(StoreConfig config) {
 *     String region = config.requireString("awsRegion");
 *     String tagKey = config.string("tagKey").orElse("AirbyteManaged");   // or the field's default
 *     boolean readOnly = config.bool("readOnly").orElse(false);
 *     ...
 * }
 * }</pre>
 */
public final class StoreConfig {

    /** The field every config may carry to name its provider. */
    public static final String PROVIDER_FIELD = "provider";

    private final String provider;
    private final Map<String, Object> values;
    private final Map<String, ConfigField> fields;

    private StoreConfig(String provider, Map<String, ?> values, List<ConfigField> fields) {
        this.provider = provider == null ? "" : provider;
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "config field name"), v));
        this.values = Collections.unmodifiableMap(copy);
        Map<String, ConfigField> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        this.fields = Collections.unmodifiableMap(byName);
    }

    /**
     * @param values the raw map (JSON parsed at the edge)
     * @param fields the provider's fields (for defaults and redaction)
     * @return the config; its provider is the map's {@code provider} field, or empty
     */
    public static StoreConfig of(Map<String, ?> values, List<ConfigField> fields) {
        Object p = values.get(PROVIDER_FIELD);
        return new StoreConfig(p instanceof String ? (String) p : "", values, fields);
    }

    /**
     * @param provider the name of the provider the config is for
     * @param values   the raw map
     * @param fields   the provider's fields
     * @return the config
     */
    public static StoreConfig of(String provider, Map<String, ?> values, List<ConfigField> fields) {
        return new StoreConfig(provider, values, fields);
    }

    /** @return the provider this config was resolved to (or its {@code provider} field); empty if unknown */
    public String provider() {
        return provider;
    }

    /**

     * @param name a field

     * @return whether the map holds a non-null value for it

     */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /**
     * @param name a field
     * @return its string value, else the field's default; empty if neither (or not a string)
     */
    public Optional<String> string(String name) {
        Object v = values.get(name);
        if (v instanceof String) {
            return Optional.of((String) v);
        }
        if (v == null) {
            return defaultOf(name);
        }
        return Optional.empty();
    }

    /**
     * @param name a field
     * @return its non-blank string value, or its default
     * @throws InvalidConfigException naming the field when absent
     */
    public String requireString(String name) {
        return string(name).filter(s -> !s.isBlank()).orElseThrow(() -> new InvalidConfigException(provider,
                List.of(ConfigProblem.of(name, "required field is missing (expected a string)"))));
    }

    /**
     * @param name a field
     * @return its boolean value ({@code true}/{@code false} or those strings), else the default
     */
    public Optional<Boolean> bool(String name) {
        Object v = values.get(name);
        if (v == null) {
            return defaultOf(name).flatMap(StoreConfig::parseBoolean);
        }
        if (v instanceof Boolean) {
            return Optional.of((Boolean) v);
        }
        return v instanceof String ? parseBoolean((String) v) : Optional.empty();
    }

    /**
     * @param name a field
     * @return its integer value (a whole number or a string of digits), else the default
     */
    public Optional<Integer> integer(String name) {
        Object v = values.get(name);
        if (v == null) {
            return defaultOf(name).flatMap(StoreConfig::parseInteger);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            long l = ((Number) v).longValue();
            return l == (int) l ? Optional.of((int) l) : Optional.empty();
        }
        return v instanceof String ? parseInteger((String) v) : Optional.empty();
    }

    /**

     * @param name a field

     * @return the raw value (objects stay maps), if present

     */
    public Optional<Object> raw(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** @return the raw values, unmodifiable; contains credentials, so never log it */
    public Map<String, Object> asMap() {
        return values;
    }

    /** @return the declared fields by name */
    public Map<String, ConfigField> fields() {
        return fields;
    }

    private Optional<String> defaultOf(String name) {
        ConfigField f = fields.get(name);
        return f == null ? Optional.empty() : f.defaultValue();
    }

    /**
     * @param s text
     * @return the boolean, if {@code s} is "true" or "false" in any case
     */
    public static Optional<Boolean> parseBoolean(String s) {
        String t = s.trim();
        if (t.equalsIgnoreCase("true")) {
            return Optional.of(Boolean.TRUE);
        }
        if (t.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.FALSE);
        }
        return Optional.empty();
    }

    /**
     * @param s text
     * @return the int, if {@code s} is a whole number in int range
     */
    public static Optional<Integer> parseInteger(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return the config with secret and undeclared fields shown as {@code ***} */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "StoreConfig{", "}");
        values.forEach((k, v) -> {
            ConfigField f = fields.get(k);
            boolean shown = k.equals(PROVIDER_FIELD)
                    || (f != null && !f.secret() && f.type() != ConfigField.Type.OBJECT);
            j.add(k + "=" + (shown ? v : "***"));
        });
        return j.toString();
    }
}
