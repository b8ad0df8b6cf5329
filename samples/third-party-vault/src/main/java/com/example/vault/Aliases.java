package com.example.vault;

import dev.secretstore.SecretName;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Keystore aliases for a secret's entries. PKCS#12 aliases are case-insensitive (the JDK lowercases
 * them), while secret names are not, so the name is hex-encoded: "Db" and "db" never share an entry.
 *
 * <pre>
 *   &lt;hex name&gt;.record   the secret's record: current version, tags, timestamps
 *   &lt;hex name&gt;.v1, .v2   one entry per version's value
 * </pre>
 */
final class Aliases {

    private static final String RECORD = ".record";
    private static final HexFormat HEX = HexFormat.of();

    private Aliases() {
    }

    static String record(SecretName name) {
        return hex(name) + RECORD;
    }

    static String version(SecretName name, int version) {
        return hex(name) + ".v" + version;
    }

    /** @return the secret whose record this alias is, or empty for any other alias */
    static Optional<SecretName> recordOf(String alias) {
        if (!alias.endsWith(RECORD)) {
            return Optional.empty();
        }
        byte[] name = HEX.parseHex(alias.substring(0, alias.length() - RECORD.length()));
        return Optional.of(SecretName.of(new String(name, StandardCharsets.UTF_8)));
    }

    private static String hex(SecretName name) {
        return HEX.formatHex(name.value().getBytes(StandardCharsets.UTF_8));
    }
}
