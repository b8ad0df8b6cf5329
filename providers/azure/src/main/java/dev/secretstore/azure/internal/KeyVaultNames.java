package dev.secretstore.azure.internal;

import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.SecretName;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps portable names to Key Vault names, which allow only {@code [0-9A-Za-z-]}, at most 127 characters, and
 * compare case-insensitively. Lowercase letters and digits stay as they are; everything else is {@code -}
 * followed by one character: an uppercase letter {@code X} is {@code -x}, and {@code - _ . /} are {@code -0 -1
 * -2 -3}. The encoding uses lowercase only, so two names that differ in case ({@code DB_PASSWORD},
 * {@code db_password}) never meet in the vault, and every native name decodes back to exactly one name.
 *
 * <p>Interim: to be replaced by the provider-support module's {@code NameCodecs.azure()} once it is on main.
 */
public final class KeyVaultNames {
    /** Key Vault's longest secret name. */
    public static final int MAX_NATIVE_LENGTH = 127;
    private static final String PUNCTUATION = "-_./";

    private KeyVaultNames() {
    }

    /**
     * @param name a portable name
     * @return its Key Vault name
     * @throws InvalidSecretNameException when the encoded name would exceed 127 characters
     */
    public static String encode(SecretName name) {
        String value = name.value();
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                int code = PUNCTUATION.indexOf(c);
                if (code < 0) {
                    throw new InvalidSecretNameException("character '" + c + "' cannot be stored in Key Vault");
                }
                out.append('-').append((char) ('0' + code));
            }
        }
        if (out.length() > MAX_NATIVE_LENGTH) {
            throw new InvalidSecretNameException(null, null, name, "the name becomes " + out.length()
                    + " characters in Key Vault, which allows " + MAX_NATIVE_LENGTH
                    + " (uppercase letters and - _ . / take two characters each)",
                    "use a shorter name, or fewer uppercase letters and punctuation", null);
        }
        return out.toString();
    }

    /**
     * @param nativeName a Key Vault secret name, as the vault returns it
     * @return the portable name it encodes, or empty for a name this codec could not have produced
     */
    public static Optional<SecretName> decode(String nativeName) {
        if (nativeName == null || nativeName.isEmpty()) {
            return Optional.empty();
        }
        // The vault returns the case a secret was created with; ours are all lowercase.
        if (!nativeName.equals(nativeName.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(nativeName.length());
        for (int i = 0; i < nativeName.length(); i++) {
            char c = nativeName.charAt(i);
            if (c != '-') {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                    return Optional.empty();
                }
                out.append(c);
                continue;
            }
            if (++i == nativeName.length()) {
                return Optional.empty();
            }
            char code = nativeName.charAt(i);
            if (code >= 'a' && code <= 'z') {
                out.append(Character.toUpperCase(code));
            } else if (code >= '0' && code < '0' + PUNCTUATION.length()) {
                out.append(PUNCTUATION.charAt(code - '0'));
            } else {
                return Optional.empty();
            }
        }
        return SecretName.isValid(out.toString()) ? Optional.of(SecretName.of(out.toString())) : Optional.empty();
    }
}
