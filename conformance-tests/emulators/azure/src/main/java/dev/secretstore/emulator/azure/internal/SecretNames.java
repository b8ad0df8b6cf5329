package dev.secretstore.emulator.azure.internal;

import java.util.regex.Pattern;

/** Key Vault object names: 1-127 characters of 0-9, a-z, A-Z and '-'. Names compare case-insensitively. */
public final class SecretNames {
    private static final Pattern VALID = Pattern.compile("^[0-9a-zA-Z-]{1,127}$");

    private SecretNames() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    public static void requireValid(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("invalid secret name '" + name + "': it must match "
                    + VALID.pattern());
        }
    }
}
