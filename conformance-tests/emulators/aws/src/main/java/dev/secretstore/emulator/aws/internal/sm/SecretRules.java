package dev.secretstore.emulator.aws.internal.sm;

import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** The service's input limits: names, values, tokens, descriptions and tags (Secrets Manager quotas). */
final class SecretRules {
    static final int MAX_VALUE_BYTES = 65_536;
    static final int MAX_TAGS = 50;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@!-]+");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private SecretRules() {
    }

    static void name(String name) {
        if (name.isEmpty() || name.length() > 512) {
            throw SecretsManagerErrors.validation("name", name.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 512");
        }
        if (!NAME.matcher(name).matches()) {
            throw SecretsManagerErrors.invalidName();
        }
    }

    static void secretId(String secretId) {
        if (secretId.isEmpty() || secretId.length() > 2048) {
            throw SecretsManagerErrors.validation("secretId", secretId.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 2048");
        }
    }

    static void token(String token) {
        if (token != null && (token.length() < 32 || token.length() > 64)) {
            throw SecretsManagerErrors.validation("clientRequestToken", token.length() < 32
                    ? "Member must have length greater than or equal to 32"
                    : "Member must have length less than or equal to 64");
        }
    }

    static void description(String description) {
        if (description != null && description.length() > 2048) {
            throw SecretsManagerErrors.validation("description", "Member must have length less than or equal to 2048");
        }
    }

    /**
     * At most one of the two values; each from 1 to 65,536 bytes (the service model's SecretStringType and
     * SecretBinaryType: min 1, max 65536).
     */
    static void value(String secretString, byte[] secretBinary) {
        if (secretString != null && secretBinary != null) {
            throw SecretsManagerErrors.invalidParameter(
                    "You can't specify both a binary secret value and a string secret value in the same secret.");
        }
        if (secretString != null && secretString.isEmpty()) {
            throw SecretsManagerErrors.validation("secretString", "Member must have length greater than or equal to 1");
        }
        if (secretBinary != null && secretBinary.length == 0) {
            throw SecretsManagerErrors.validation("secretBinary", "Member must have length greater than or equal to 1");
        }
        if (secretString != null && secretString.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            throw SecretsManagerErrors.validation("secretString",
                    "Member must have length less than or equal to " + MAX_VALUE_BYTES);
        }
        if (secretBinary != null && secretBinary.length > MAX_VALUE_BYTES) {
            throw SecretsManagerErrors.validation("secretBinary",
                    "Member must have length less than or equal to " + MAX_VALUE_BYTES);
        }
    }

    static void tags(Map<String, String> tags) {
        if (tags == null) {
            return;
        }
        int i = 1;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            String value = tag.getValue();
            String member = "tags." + i + ".member";
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw SecretsManagerErrors.validation(member + ".key", key == null || key.isEmpty()
                        ? "Member must have length greater than or equal to 1"
                        : "Member must have length less than or equal to 128");
            }
            if (!TAG_TEXT.matcher(key).matches()) {
                throw SecretsManagerErrors.validation(member + ".key",
                        "Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
            }
            if (value != null && value.length() > 256) {
                throw SecretsManagerErrors.validation(member + ".value",
                        "Member must have length less than or equal to 256");
            }
            if (value != null && !TAG_TEXT.matcher(value).matches()) {
                throw SecretsManagerErrors.validation(member + ".value",
                        "Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
            }
            if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw SecretsManagerErrors.invalidParameter("Tag keys can't start with the reserved prefix 'aws:'.");
            }
            i++;
        }
    }

    static void tagCount(int count) {
        if (count > MAX_TAGS) {
            throw SecretsManagerErrors.invalidParameter(
                    "A secret can have at most " + MAX_TAGS + " tags; this request would give it " + count + ".");
        }
    }
}
