package dev.secretstore;

import java.util.Objects;

/**
 * A portable, validated logical secret name: 1–255 characters of {@code [A-Za-z0-9._/-]}, first and
 * last character alphanumeric, no {@code //} and no {@code ..}. Each provider maps it to its native
 * naming rules without collisions.
 *
 * <pre>{@code
 * SecretName name = SecretName.of("airbyte_workspace_1234_secret_5678_v1");
 * }</pre>
 *
 * Names are identifiers, not secrets: they appear in messages and {@link #toString()}.
 */
public final class SecretName implements Comparable<SecretName>, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Longest portable name. */
    public static final int MAX_LENGTH = 255;

    private final String value;

    private SecretName(String value) {
        this.value = value;
    }

    /**
     * @param value the name
     * @return the validated name
     * @throws InvalidSecretNameException naming the broken rule
     */
    public static SecretName of(String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidSecretNameException(problem);
        }
        return new SecretName(value);
    }

    /**
     * @param value a candidate name
     * @return whether {@link #of(String)} would accept it
     */
    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    private static String problem(String value) {
        if (value == null) {
            return "a secret name is required (got null)";
        }
        if (value.isEmpty()) {
            return "a secret name must not be empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "secret name is " + value.length() + " characters; at most " + MAX_LENGTH + " are allowed";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAllowed(c)) {
                return "secret name '" + printable(value) + "' has a character not allowed at position " + (i + 1)
                        + " (" + describe(c) + "); allowed are A-Z a-z 0-9 . _ / -";
            }
        }
        if (!isAlphanumeric(value.charAt(0))) {
            return "secret name '" + value + "' must start with a letter or digit";
        }
        if (!isAlphanumeric(value.charAt(value.length() - 1))) {
            return "secret name '" + value + "' must end with a letter or digit";
        }
        if (value.contains("//")) {
            return "secret name '" + value + "' must not contain '//'";
        }
        if (value.contains("..")) {
            return "secret name '" + value + "' must not contain '..'";
        }
        return null;
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isAllowed(char c) {
        return isAlphanumeric(c) || c == '.' || c == '_' || c == '/' || c == '-';
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (Character.isISOControl(c) || Character.isSurrogate(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    // Keeps control characters out of messages and logs.
    private static String printable(String value) {
        StringBuilder sb = new StringBuilder();
        value.codePoints().limit(80).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append('?');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return value.length() > 80 ? sb + "…" : sb.toString();
    }

    /** @return the name as text */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretName && ((SecretName) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(SecretName other) {
        return value.compareTo(Objects.requireNonNull(other).value);
    }

    /** @return the name itself */
    @Override
    public String toString() {
        return value;
    }
}
