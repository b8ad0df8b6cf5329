package dev.secretstore.conformance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks for secrets (canary values, credentials) in text that must never contain them: exception
 * messages and stack traces, {@code toString} output, captured logs. It also looks for the encodings a
 * careless provider might print (Base64, hex), not just the plain text.
 */
final class LeakDetector {

    /** Shorter strings would match by accident in ordinary text, so they are not searched for. */
    static final int SHORTEST_SEARCHED = 6;

    /** Encoded fragments shorter than this are left out (4 Base64 characters match ordinary text by chance). */
    private static final int SHORTEST_ENCODED = 8;

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
            addBase64Forms(bytes, label);
            forms.put(HexFormat.of().formatHex(bytes), label + " (hex)");
            forms.put(HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT), label + " (HEX)");
            forms.putIfAbsent(URLEncoder.encode(secret, UTF_8), label + " (URL-encoded)");
            forms.putIfAbsent(URLEncoder.encode(secret, UTF_8).replace("+", "%20"), label + " (URL-encoded, %20)");
        }
    }

    /**
     * Base64 of the secret at each of its three alignments: embedded in a longer encoded text (a request
     * body, a JSON document) the secret's bytes may start at any offset modulo 3, and each offset gives
     * different characters. Only the characters that depend on the secret's bytes alone are searched.
     */
    private void addBase64Forms(byte[] bytes, String label) {
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            int firstGroup = (offset + 2) / 3;
            int lastGroup = (offset + bytes.length) / 3;
            String middle = lastGroup > firstGroup ? encoded.substring(4 * firstGroup, 4 * lastGroup) : "";
            if (middle.length() >= SHORTEST_ENCODED) {
                String alignment = " (Base64, alignment " + offset + ")";
                forms.putIfAbsent(middle, label + alignment);
                forms.putIfAbsent(middle.replace('+', '-').replace('/', '_'), label + " (URL-safe" + alignment.substring(2));
            }
        }
        // The whole encoding with its padding, as a provider that encodes the value alone prints it.
        forms.putIfAbsent(Base64.getEncoder().encodeToString(bytes), label + " (Base64)");
    }

    static LeakDetector forbidding(String kind, Set<String> secrets) {
        return new LeakDetector(kind, secrets);
    }

    /** Whether there is anything long enough to look for. */
    boolean isEmpty() {
        return forms.isEmpty();
    }

    /**
     * Checks an exception's whole printed stack trace (message, causes, suppressed) or an object's
     * toString; for metadata also every field a provider fills in (native id, version, tag keys and
     * values), and the same for what optionals, pages, read results, collections and maps hold.
     */
    void assertAbsentFrom(Object observed) {
        if (observed == null) {
            return;
        }
        if (observed instanceof SecretMetadata metadata) {
            assertAbsentFromText("the native id of " + metadata.name(), metadata.nativeId());
            metadata.version().ifPresent(version -> assertAbsentFromText("the version id of " + metadata.name(), version));
            metadata.tags().forEach((key, value) -> {
                assertAbsentFromText("a tag key of " + metadata.name(), key);
                assertAbsentFromText("the value of tag '" + key + "' of " + metadata.name(), value);
            });
        } else if (observed instanceof Secret secret) {
            assertAbsentFromText("the version id of " + secret.name(), secret.version());
        } else if (observed instanceof Optional<?> optional) {
            optional.ifPresent(this::assertAbsentFrom);
        } else if (observed instanceof Page<?> page) {
            page.items().forEach(this::assertAbsentFrom);
            page.nextPageToken().ifPresent(token -> assertAbsentFromText("a page token", token));
        } else if (observed instanceof ReadResult result) {
            result.secret().ifPresent(this::assertAbsentFrom);
            result.failure().ifPresent(this::assertAbsentFrom);
        } else if (observed instanceof Collection<?> collection) {
            collection.forEach(this::assertAbsentFrom);
        } else if (observed instanceof Map<?, ?> map) {
            map.values().forEach(this::assertAbsentFrom);
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
        if (text == null) {
            return;
        }
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
