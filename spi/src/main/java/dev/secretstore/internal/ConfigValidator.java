package dev.secretstore.internal;

import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.StoreConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a raw config map against a provider's {@link ConfigField}s, then the provider's own rules.
 * Messages state the field and the expectation; values are never echoed, so no credential can leak.
 */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    /**
     * @param provider the provider
     * @param config   the raw map
     * @return every problem: generic ones in map order, then missing required fields, then the provider's
     */
    public static List<ConfigProblem> validate(SecretStoreProvider provider, Map<String, ?> config) {
        List<ConfigField> fields = provider.configFields();
        List<ConfigProblem> problems = validateFields(fields, config);
        Set<String> flagged = problems.stream().map(ConfigProblem::field).collect(Collectors.toSet());
        List<ConfigProblem> own;
        try {
            own = provider.validate(StoreConfig.of(provider.name(), config, fields));
        } catch (RuntimeException ex) {
            own = flagged.isEmpty() ? List.of(ConfigProblem.of(StoreConfig.PROVIDER_FIELD,
                    "the provider's validation failed with " + ex.getClass().getName())) : List.of();
        }
        // The generic messages never quote values; the provider's own might, so they are scrubbed.
        for (ConfigProblem p : scrub(own == null ? List.<ConfigProblem>of() : own, fields, config)) {
            // A field already reported as mistyped or missing would only be reported twice.
            if (!flagged.contains(p.field()) && !problems.contains(p)) {
                problems.add(p);
            }
        }
        return problems;
    }

    /**
     * The generic checks alone: unknown fields (with a did-you-mean), wrong types, values not allowed, and
     * missing required fields. Never quotes a value.
     *
     * @param fields the declared fields
     * @param config the raw map
     * @return every problem, in map order, then the missing required fields
     */
    public static List<ConfigProblem> validateFields(List<ConfigField> fields, Map<String, ?> config) {
        Map<String, ConfigField> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        Set<String> known = new LinkedHashSet<>(byName.keySet());
        known.add(StoreConfig.PROVIDER_FIELD);

        List<ConfigProblem> problems = new ArrayList<>();
        for (Map.Entry<String, ?> e : config.entrySet()) {
            String key = e.getKey();
            if (key == null) {
                problems.add(ConfigProblem.of("(null)", "a field name must not be null"));
                continue;
            }
            if (key.equals(StoreConfig.PROVIDER_FIELD)) {
                if (e.getValue() != null && !(e.getValue() instanceof String)) {
                    problems.add(ConfigProblem.of(key, "expected a string (a provider name)"));
                }
                continue;
            }
            ConfigField field = byName.get(key);
            if (field == null) {
                problems.add(ConfigProblem.of(key, unknownField(key, known)));
                continue;
            }
            Object value = e.getValue();
            if (value == null) {
                continue; // treated as absent; requiredness is checked below
            }
            String typeProblem = typeProblem(field, value);
            if (typeProblem != null) {
                problems.add(ConfigProblem.of(key, typeProblem));
                continue;
            }
            if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(String.valueOf(value))) {
                problems.add(ConfigProblem.of(key, notAllowed(field, String.valueOf(value))));
            }
        }
        for (ConfigField field : fields) {
            Object value = config.get(field.name());
            boolean blank = value instanceof String && ((String) value).isBlank();
            if (field.required() && (value == null || blank) && field.defaultValue().isEmpty()) {
                problems.add(ConfigProblem.of(field.name(), "required field is missing (expected "
                        + field.type().expectation() + (field.description().isEmpty() ? "" : ": " + field.description())
                        + ")"));
            }
        }
        return problems;
    }

    /**
     * Replaces any value of a secret (or undeclared) field that appears in a problem message with
     * {@code ***} — a safety net for providers whose own messages quote values.
     *
     * @param problems problems
     * @param fields   declared fields
     * @param config   the raw map
     * @return the scrubbed problems
     */
    public static List<ConfigProblem> scrub(List<ConfigProblem> problems, List<ConfigField> fields, Map<String, ?> config) {
        List<String> secrets = sensitiveValues(fields, config);
        if (secrets.isEmpty()) {
            return problems;
        }
        List<ConfigProblem> out = new ArrayList<>();
        for (ConfigProblem p : problems) {
            String m = p.message();
            for (String s : secrets) {
                m = m.replace(s, "***");
            }
            out.add(ConfigProblem.of(p.field(), m));
        }
        return out;
    }

    /**
     * The values of a config that must never be shown: those of secret fields, and of fields the provider
     * does not declare (a misspelt secret field is still a secret).
     *
     * @param fields declared fields
     * @param config the raw map
     * @return those values as strings, at least 4 characters long
     */
    public static List<String> sensitiveValues(List<ConfigField> fields, Map<String, ?> config) {
        Map<String, ConfigField> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        List<String> secrets = new ArrayList<>();
        config.forEach((k, v) -> {
            ConfigField f = byName.get(k);
            boolean sensitive = f == null ? !StoreConfig.PROVIDER_FIELD.equals(k) : f.secret();
            if (sensitive && v != null && String.valueOf(v).length() >= 4) {
                secrets.add(String.valueOf(v));
            }
        });
        return secrets;
    }

    private static String unknownField(String key, Set<String> known) {
        return DidYouMean.suggest(key, known)
                .map(s -> "unknown field; did you mean '" + s + "'?")
                .orElse("unknown field; expected one of " + String.join(", ", known));
    }

    private static String typeProblem(ConfigField field, Object value) {
        switch (field.type()) {
            case STRING:
                return value instanceof String ? null : "expected " + field.type().expectation();
            case BOOLEAN:
                if (value instanceof Boolean || (value instanceof String && StoreConfig.parseBoolean((String) value).isPresent())) {
                    return null;
                }
                return "expected " + field.type().expectation();
            case INTEGER:
                if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                        || (value instanceof String && StoreConfig.parseInteger((String) value).isPresent())) {
                    return null;
                }
                return "expected " + field.type().expectation();
            case OBJECT:
                return value instanceof Map ? null : "expected " + field.type().expectation();
            default:
                return null;
        }
    }

    private static String notAllowed(ConfigField field, String value) {
        String expected = "expected one of " + String.join(", ", field.allowedValues());
        boolean caseOnly = field.allowedValues().stream().anyMatch(a -> a.equalsIgnoreCase(value));
        return caseOnly ? expected + " (values are case-sensitive)" : expected;
    }
}
