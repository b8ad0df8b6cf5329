package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ListSecrets / BatchGetSecretValue filters. Per the API reference: name, tag-key, tag-value, primary-region and
 * owning-service are case-sensitive prefix matches, description a case-insensitive prefix match, {@code all}
 * a case-insensitive word match over every attribute; a value starting with {@code !} negates. Values within one
 * filter are OR-ed (negated ones AND-ed); filters are AND-ed.
 */
record SecretFilter(String key, List<String> values) {
    private static final Set<String> KEYS = Set.of("description", "name", "tag-key", "tag-value", "primary-region",
            "owning-service", "all");
    private static final Pattern VALUE = Pattern.compile("^!?[a-zA-Z0-9 :_@/+=.\\-!]*$");

    static List<SecretFilter> parse(JsonNode node) {
        List<SecretFilter> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw SecretsManagerErrors.serialization("Expected a list for Filters");
        }
        if (node.size() > 10) {
            throw SecretsManagerErrors.validation("filters", "Member must have length less than or equal to 10");
        }
        int i = 1;
        for (JsonNode f : node) {
            String key = f.path("Key").asText(null);
            if (key == null || !KEYS.contains(key)) {
                throw SecretsManagerErrors.validation("filters." + i + ".member.key",
                        "Member must satisfy enum value set: [all, name, tag-key, description, tag-value, "
                                + "primary-region, owning-service]");
            }
            List<String> values = new ArrayList<>();
            f.path("Values").forEach(v -> values.add(v.asText()));
            if (values.isEmpty() || values.size() > 10) {
                throw SecretsManagerErrors.validation("filters." + i + ".member.values", values.isEmpty()
                        ? "Member must have length greater than or equal to 1"
                        : "Member must have length less than or equal to 10");
            }
            for (String v : values) {
                if (v.length() > 512 || !VALUE.matcher(v).matches()) {
                    throw SecretsManagerErrors.validation("filters." + i + ".member.values",
                            "Member must satisfy regular expression pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$");
                }
            }
            out.add(new SecretFilter(key, values));
            i++;
        }
        return out;
    }

    static boolean matchesAll(Secret secret, List<SecretFilter> filters) {
        return filters.stream().allMatch(f -> f.matches(secret));
    }

    boolean matches(Secret secret) {
        boolean anyPositive = false;
        boolean positiveHit = false;
        for (String value : values) {
            if (value.startsWith("!")) {
                if (attributeMatches(secret, value.substring(1))) {
                    return false;
                }
            } else {
                anyPositive = true;
                positiveHit |= attributeMatches(secret, value);
            }
        }
        return !anyPositive || positiveHit;
    }

    private boolean attributeMatches(Secret secret, String value) {
        Map<String, String> tags = secret.tags();
        return switch (key) {
            case "name" -> secret.name().startsWith(value);
            case "tag-key" -> tags.keySet().stream().anyMatch(k -> k.startsWith(value));
            case "tag-value" -> tags.values().stream().anyMatch(v -> v != null && v.startsWith(value));
            case "description" -> secret.description() != null && secret.description().toLowerCase(Locale.ROOT)
                    .startsWith(value.toLowerCase(Locale.ROOT));
            case "primary-region", "owning-service" -> false; // no replicas and no managed secrets here
            default -> allMatches(secret, value);
        };
    }

    private static boolean allMatches(Secret secret, String value) {
        List<String> haystack = new ArrayList<>();
        haystack.add(secret.name());
        if (secret.description() != null) {
            haystack.add(secret.description());
        }
        secret.tags().forEach((k, v) -> {
            haystack.add(k);
            if (v != null) {
                haystack.add(v);
            }
        });
        String text = String.join(" ", haystack).toLowerCase(Locale.ROOT);
        for (String word : value.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty() && text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
