package dev.secretstore.gcp.internal;

import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.SecretName;
import java.util.Optional;

/**
 * Maps portable names ({@code [A-Za-z0-9._/-]}) to secret ids ({@code [A-Za-z0-9_-]{1,255}}) without collisions:
 * {@code _} is the escape character ({@code _} → {@code __}, {@code .} → {@code _d}, {@code /} → {@code _s}), and
 * the configured {@code namePrefix} goes in front unchanged, so an IAM condition on the prefix holds. Decoding
 * refuses ids this mapping could not have produced (other tools' secrets). Stands in for
 * {@code secretstore-provider-support}'s {@code NameCodecs.gcp()} until that module is on main.
 */
final class GcpNames {

    static final int MAX_SECRET_ID = 255;

    private final String prefix;

    GcpNames(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    String prefix() {
        return prefix;
    }

    /** The longest portable name that always fits, escapes aside. */
    int maxPortableLength() {
        return Math.min(SecretName.MAX_LENGTH, MAX_SECRET_ID - prefix.length());
    }

    String encode(SecretName name) {
        String id = prefix + escape(name.value());
        if (id.length() > MAX_SECRET_ID) {
            throw new InvalidSecretNameException(null, null, name, "the name becomes the secret id of " + id.length()
                    + " characters on Secret Manager (its '_', '.' and '/' take two characters each"
                    + (prefix.isEmpty() ? "" : ", after the name prefix") + "); at most " + MAX_SECRET_ID
                    + " are allowed", "use a shorter name", null);
        }
        return id;
    }

    /** The prefix of secret ids of names that start with {@code namePrefix}; escaping is character by character. */
    String encodePrefix(String portablePrefix) {
        return prefix + escape(portablePrefix);
    }

    Optional<SecretName> decode(String secretId) {
        if (!secretId.startsWith(prefix)) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        String rest = secretId.substring(prefix.length());
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c != '_') {
                out.append(c);
                continue;
            }
            if (++i == rest.length()) {
                return Optional.empty();
            }
            switch (rest.charAt(i)) {
                case '_': out.append('_'); break;
                case 'd': out.append('.'); break;
                case 's': out.append('/'); break;
                default: return Optional.empty();
            }
        }
        String value = out.toString();
        return SecretName.isValid(value) ? Optional.of(SecretName.of(value)) : Optional.empty();
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '_': out.append("__"); break;
                case '.': out.append("_d"); break;
                case '/': out.append("_s"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
