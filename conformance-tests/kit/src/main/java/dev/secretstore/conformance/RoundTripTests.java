package dev.secretstore.conformance;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.Capability;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretTooLargeException;
import dev.secretstore.SecretValue;
import dev.secretstore.SecretView;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Group 1: what goes in comes out, byte for byte, up to the store's declared limit and not beyond. */
abstract class RoundTripTests extends ConformanceGroup {

    /** Larger declared limits are not exercised in memory; the test says so instead of passing. */
    private static final int LARGEST_TESTED_VALUE_BYTES = 64 * 1024 * 1024;

    static Stream<Named<String>> textValues() {
        return Stream.of(
                Named.of("ASCII", "postgres://airbyte:s3cr3t!@db.internal:5432/warehouse?sslmode=require"),
                Named.of("multi-byte UTF-8", "Grüße aus Köln, 東京の秘密, Ελληνικά, Привет, ñandú"),
                Named.of("emoji", "🔐🗝️ key for 👩‍💻 (ZWJ sequence) and 🇺🇳 (flag pair) 𝄞"),
                Named.of("whitespace only", " \t\n\r  \t "),
                Named.of("a JSON document", "{\n  \"user\": \"airbyte\",\n  \"password\": \"p@ss \\\"quoted\\\" \\\\ ok\",\n"
                        + "  \"port\": 5432,\n  \"tls\": {\"ca\": \"-----BEGIN CERTIFICATE-----\\nMIIB\\n"
                        + "-----END CERTIFICATE-----\\n\"},\n  \"extra\": [1, 2.5, null, true, \"ü\"]\n}\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textValues")
    @DisplayName("a text value reads back exactly as written")
    void textValueRoundTrips(String text) {
        SecretName name = name("text");
        store().create(name, SecretValue.ofText(text));

        Secret secret = store().read(name);

        assertThat(secret.name()).isEqualTo(name);
        assertThat(secret.value().text()).isEqualTo(text);
        assertThat(secret.value().bytes()).isEqualTo(text.getBytes(UTF_8));
        assertThat(secret.value().size()).isEqualTo(text.getBytes(UTF_8).length);
    }

    @Test
    @DisplayName("a binary value keeps all 256 byte values, or BINARY is reported as not supported")
    void binaryValueRoundTrips() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        SecretName name = name("binary");

        if (!supports(Capability.BINARY)) {
            assertNotSupported(() -> store().create(name, SecretValue.ofBytes(everyByte)), Capability.BINARY);
            assertNothingStoredAt(name);
            return;
        }
        store().create(name, SecretValue.ofBytes(everyByte));

        assertThat(store().read(name).value().bytes()).isEqualTo(everyByte);
    }

    @Test
    @DisplayName("text stays text and binary stays binary (isText) on every read path: read, read(version), readAll, withValue, after put")
    void textStaysTextAndBinaryStaysBinaryOnEveryReadPath() {
        SecretName textual = name("textual");
        SecretMetadata textV1 = store().create(textual, SecretValue.ofText("first text value"));
        store().put(textual, SecretValue.ofText("second text value"));
        assertKind(textual, textV1, true, "first text value".getBytes(UTF_8), "second text value".getBytes(UTF_8));
        if (!supports(Capability.BINARY)) {
            return; // binaryValueRoundTrips asserts the "not supported" answer
        }
        // Binary that happens to be valid UTF-8: a provider that guesses the kind from the bytes gets it wrong.
        byte[] first = "binary, though it looks like text".getBytes(US_ASCII);
        byte[] second = "binary again, also plain ASCII".getBytes(US_ASCII);
        SecretName binary = name("binary-kind");
        SecretMetadata binaryV1 = store().create(binary, SecretValue.ofBytes(first));
        store().put(binary, SecretValue.ofBytes(second));
        assertKind(binary, binaryV1, false, first, second);
    }

    private void assertKind(SecretName name, SecretMetadata firstVersion, boolean text, byte[] first, byte[] latest) {
        String kind = text ? "text" : "binary";
        Secret read = store().read(name);
        assertThat(read.value().isText()).as("isText() of a %s value after read", kind).isEqualTo(text);
        assertThat(read.value().bytes()).isEqualTo(latest);
        boolean lentIsText = store().withValue(name, SecretView::isText);
        byte[] lentBytes = store().withValue(name, SecretView::bytes);
        assertThat(lentIsText).as("isText() of a %s value in withValue", kind).isEqualTo(text);
        assertThat(lentBytes).isEqualTo(latest);
        ReadResult batch = store().readAll(List.of(name)).get(name);
        assertThat(batch.secret()).as("readAll result for %s", name).hasValueSatisfying(secret -> {
            assertThat(secret.value().isText()).as("isText() of a %s value after readAll", kind).isEqualTo(text);
            assertThat(secret.value().bytes()).isEqualTo(latest);
        });
        if (supports(Capability.READ_SPECIFIC_VERSION)) {
            Secret older = store().read(name, firstVersion.version().orElseThrow());
            assertThat(older.value().isText()).as("isText() of a %s value after read(version)", kind).isEqualTo(text);
            assertThat(older.value().bytes()).isEqualTo(first);
        }
    }

    @Test
    @DisplayName("a value of exactly the declared maximum size round-trips")
    void valueOfExactlyTheMaximumSizeRoundTrips() {
        int max = testableMaxValueBytes();
        byte[] expected = asciiOfLength(max);
        SecretName name = name("max-size");

        store().create(name, SecretValue.ofText(new String(expected, US_ASCII)));

        SecretValue read = store().read(name).value();
        assertThat(read.size()).isEqualTo(max);
        assertThat(read.bytes()).isEqualTo(expected);
    }

    @Test
    @DisplayName("a value one byte over the maximum is refused with a clear error and nothing is written")
    void valueOneByteOverTheMaximumIsRefusedOnCreate() {
        int max = testableMaxValueBytes();
        SecretName name = name("too-large");
        OptionalLong writesBefore = writeAttemptsIfCounted();

        Throwable failure = catchThrowable(() -> store().create(name, asciiTextOfLength(max + 1)));

        assertTooLarge(failure, name, max);
        assertNoWriteAttemptSince(writesBefore, "a value over the size limit");
        assertNothingStoredAt(name);
    }

    @Test
    @DisplayName("a new version one byte over the maximum is refused and the stored value is unchanged")
    void valueOneByteOverTheMaximumIsRefusedOnPut() {
        int max = testableMaxValueBytes();
        SecretName name = name("too-large-update");
        var created = store().create(name, text("fits"));
        OptionalLong writesBefore = writeAttemptsIfCounted();

        Throwable failure = catchThrowable(() -> store().put(name, asciiTextOfLength(max + 1)));

        assertTooLarge(failure, name, max);
        assertNoWriteAttemptSince(writesBefore, "a value over the size limit");
        assertThat(store().read(name).value().text()).isEqualTo("fits");
        assertThat(store().describe(name).version()).isEqualTo(created.version());
    }

    private static void assertTooLarge(Throwable failure, SecretName name, int max) {
        assertThat(failure).isInstanceOf(SecretTooLargeException.class)
                .as("the error states the limit").hasMessageContaining(String.valueOf(max));
        assertThat(((SecretTooLargeException) failure).secretName()).contains(name);
    }

    private int testableMaxValueBytes() {
        int max = store().limits().maxValueBytes();
        if (max > LARGEST_TESTED_VALUE_BYTES) {
            Assumptions.abort("the declared maximum value size (" + max + " bytes) is larger than the kit"
                    + " allocates in memory (" + LARGEST_TESTED_VALUE_BYTES + " bytes)");
        }
        return max;
    }

    /** Text, so stores without BINARY take it too; ASCII, so its size in bytes is its length. */
    private static SecretValue asciiTextOfLength(int length) {
        return SecretValue.ofText(new String(asciiOfLength(length), US_ASCII));
    }

    /** Printable ASCII, so the value is valid text for stores without BINARY. */
    private static byte[] asciiOfLength(int length) {
        byte[] value = new byte[length];
        for (int i = 0; i < length; i++) {
            value[i] = (byte) ('!' + (i % 94));
        }
        return value;
    }
}
