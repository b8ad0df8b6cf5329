package dev.secretstore.cli.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Masks the configs' credentials in text a user or a CI server will see: each credential as a failure may
 * print it (as text, as AssertJ prints a byte array, in Base64 and in hex), longest first, so a credential
 * that contains another is masked whole. The kit's own values are synthetic, but a broken provider may
 * return anything, a credential included, as the "actual" value.
 */
final class CredentialMask {

    static final String MASK = "***";

    private final List<String> forms;

    CredentialMask(Collection<String> credentials) {
        List<String> all = new ArrayList<>();
        for (String credential : credentials) {
            if (credential == null || credential.isEmpty()) {
                continue;
            }
            all.add(credential);
            if (credential.length() < 4) {
                continue; // its encodings ("97") would mask unrelated numbers and letters
            }
            byte[] bytes = credential.getBytes(StandardCharsets.UTF_8);
            String decimal = Arrays.toString(bytes);
            all.addAll(List.of(decimal.substring(1, decimal.length() - 1),
                    Base64.getEncoder().withoutPadding().encodeToString(bytes), HexFormat.of().formatHex(bytes),
                    HexFormat.of().withUpperCase().formatHex(bytes)));
        }
        all.sort(Comparator.comparingInt(String::length).reversed());
        this.forms = List.copyOf(all);
    }

    String apply(String text) {
        String masked = text;
        for (String form : forms) {
            masked = masked.replace(form, MASK);
        }
        return masked;
    }
}
