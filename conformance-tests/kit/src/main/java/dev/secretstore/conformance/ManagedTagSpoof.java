package dev.secretstore.conformance;

import java.util.Locale;
import java.util.Map;

/** The ways a user might try to set, fake or clear the managed tag through user tags. */
enum ManagedTagSpoof {
    SET_TO_TRUE("the managed tag itself, set to \"true\"") {
        @Override
        Map<String, String> tags(String key) {
            return Map.of(key, "true");
        }
    },
    SET_TO_FALSE("the managed tag set to \"false\"") {
        @Override
        Map<String, String> tags(String key) {
            return Map.of(key, "false");
        }
    },
    CLEARED("the managed tag set to an empty value") {
        @Override
        Map<String, String> tags(String key) {
            return Map.of(key, "");
        }
    },
    LOWER_CASE("the managed tag key in lower case") {
        @Override
        Map<String, String> tags(String key) {
            return Map.of(key.toLowerCase(Locale.ROOT), "true");
        }
    },
    UPPER_CASE("the managed tag key in upper case") {
        @Override
        Map<String, String> tags(String key) {
            return Map.of(key.toUpperCase(Locale.ROOT), "false");
        }
    },
    SWAPPED_CASE("the managed tag key with every letter's case swapped, next to a legitimate tag") {
        @Override
        Map<String, String> tags(String key) {
            StringBuilder swapped = new StringBuilder();
            key.chars().forEach(c -> swapped.append(Character.isUpperCase(c)
                    ? Character.toLowerCase((char) c) : Character.toUpperCase((char) c)));
            return Map.of(swapped.toString(), "TRUE", "team", "data");
        }
    };

    private final String description;

    ManagedTagSpoof(String description) {
        this.description = description;
    }

    abstract Map<String, String> tags(String managedTagKey);

    @Override
    public String toString() {
        return description;
    }
}
