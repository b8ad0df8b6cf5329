package dev.secretstore.conformance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Looks for secrets (canary values, credentials) in text that must never contain them: exception
 * messages and stack traces, {@code toString} output, captured logs. It also looks for the encodings a
 * careless provider might print (Base64, hex), not just the plain text.
 */
final class LeakDetector {

    /** Shorter strings would match by accident in ordinary text, so they are not searched for. */
    static final int SHORTEST_SEARCHED = 6;

    private final String kind;
    /** Searched-for form, mapped to a description that names the kind but never shows the secret. */
    private final Map<String, String> forms = new LinkedHashMap<>();

    private LeakDetector(String kind, Set<String> secrets) {
        this.kind = kind;
        int index = 0;
        for (String secret : secrets) {
            index++;
            if (secret == null || secret.length() < SHORTEST_SEARCHED) {
                continue;
            }
            byte[] bytes = secret.getBytes(UTF_8);
            String label = kind + " #" + index;
            forms.put(secret, label);
            forms.put(Base64.getEncoder().encodeToString(bytes), label + " (Base64)");
            forms.put(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), label + " (URL-safe Base64)");
            forms.put(HexFormat.of().formatHex(bytes), label + " (hex)");
            forms.put(HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT), label + " (HEX)");
        }
    }

    static LeakDetector forbidding(String kind, Set<String> secrets) {
        return new LeakDetector(kind, secrets);
    }

    /** Whether there is anything long enough to look for. */
    boolean isEmpty() {
        return forms.isEmpty();
    }

    /** Checks an exception's whole printed stack trace (message, causes, suppressed) or an object's toString. */
    void assertAbsentFrom(Object observed) {
        if (observed == null) {
            return;
        }
        if (observed instanceof Throwable failure) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertAbsentFromText(failure.getClass().getName() + " and its causes", trace.toString());
        } else {
            assertAbsentFromText("toString() of a " + observed.getClass().getName(), String.valueOf(observed));
        }
    }

    void assertAbsentFromText(String where, String text) {
        forms.forEach((form, label) -> {
            // The message names the leak without repeating the secret into the test report.
            assertThat(text.contains(form)).as("%s contains the %s", where, label).isFalse();
        });
    }

    @Override
    public String toString() {
        return "LeakDetector[" + kind + ", " + forms.size() + " forms]";
    }
}
