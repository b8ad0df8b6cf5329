package dev.secretstore;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Read-only access to a {@link SecretValue}'s bytes without copying them, lent for one call of the function given
 * to {@link SecretStore#withValue}. Nothing here hands out the array itself; what leaves the view is a copy the
 * caller asked for ({@link #bytes()}, {@link #chars()}, {@link #text()}, {@link #copyTo}) or an answer about the
 * content ({@link #contentEquals}, {@link #byteAt}).
 *
 * <pre>{@code
 * boolean valid = store.withValue(SecretName.of("webhooks/signing-token"), v -> v.contentEquals(presented));
 * char[] password = store.withValue(SecretName.of("db/password"), SecretView::chars);
 * }</pre>
 *
 * <p>Every read is checked: when the value is destroyed while it is read (a cache evicting and zeroing the value
 * it lent), the read throws {@link IllegalStateException} rather than answer from zeroed bytes, and
 * {@code withValue} calls the function again on a copy of its own. A view is not to be kept: after the function
 * returns its reads may fail at any time. {@link #toString()} never shows the value.
 */
public final class SecretView {

    private final SecretValue value;

    SecretView(SecretValue value) {
        this.value = value;
    }

    /** @return the size in bytes (UTF-8 for text) */
    public int size() {
        return value.size();
    }

    /** @return whether the value was created from text */
    public boolean isText() {
        return value.isText();
    }

    /**
     * @param index from 0 to {@code size() - 1}
     * @return the byte at {@code index}
     * @throws IndexOutOfBoundsException outside the value
     * @throws IllegalStateException     if the value is destroyed, also while it was read
     */
    public byte byteAt(int index) {
        byte[] held = value.held();
        if (index < 0 || index >= held.length) {
            throw outside("the index is outside the value");
        }
        value.checkAlive();
        byte b = held[index];
        checkUnchanged();
        return b;
    }

    /**
     * Copies bytes into an array of the caller's, which is zeroed again if the value turns out destroyed.
     *
     * @param from   the first byte of the value to copy
     * @param target where to
     * @param offset where in {@code target}
     * @param length how many bytes
     * @throws IndexOutOfBoundsException outside the value or the target
     * @throws IllegalStateException     if the value is destroyed, also while it was read
     */
    public void copyTo(int from, byte[] target, int offset, int length) {
        byte[] held = value.held();
        if ((from | length) < 0 || length > held.length - from) {
            throw outside("the range is outside the value");
        }
        if ((offset | length) < 0 || length > target.length - offset) {
            throw outside("the range is outside the target");
        }
        value.checkAlive();
        System.arraycopy(held, from, target, offset, length);
        if (!value.unchangedSinceRead()) {
            Arrays.fill(target, offset, offset + length, (byte) 0);
            throw destroyed();
        }
    }

    /**
     * @return a copy of the bytes, the caller's to zero
     * @throws IllegalStateException if the value is destroyed, also while it was read
     */
    public byte[] bytes() {
        byte[] copy = new byte[size()];
        copyTo(0, copy, 0, copy.length);
        return copy;
    }

    /**
     * The value decoded as UTF-8 into a {@code char[]} the caller owns and can zero (what {@code String} cannot
     * offer), for APIs that take passwords so, such as {@code KeyStore.load} or {@code PasswordAuthentication}.
     *
     * @return the characters
     * @throws IllegalArgumentException if the bytes are not UTF-8 (the message shows none of them)
     * @throws IllegalStateException    if the value is destroyed, also while it was read
     */
    public char[] chars() {
        value.checkAlive();
        byte[] held = value.held();
        // Decoded into a buffer of our own, zeroed on every path: CharsetDecoder.decode(ByteBuffer) allocates its own,
        // and on malformed input drops it with the characters decoded so far (a prefix of the secret) in it.
        // UTF-8 never yields more chars than bytes, so this one is large enough.
        char[] decoded = new char[held.length];
        try {
            CharBuffer out = CharBuffer.wrap(decoded);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            if (!decoder.decode(ByteBuffer.wrap(held).asReadOnlyBuffer(), out, true).isUnderflow()
                    || !decoder.flush(out).isUnderflow()) {
                checkUnchanged();
                throw new IllegalArgumentException("the value is not UTF-8 text");
            }
            char[] chars = Arrays.copyOf(decoded, out.position());
            if (!value.unchangedSinceRead()) {
                Arrays.fill(chars, '\0');
                throw destroyed();
            }
            return chars;
        } finally {
            Arrays.fill(decoded, '\0');
        }
    }

    /**
     * @return the value decoded as UTF-8 (a {@code String} cannot be zeroed; prefer {@link #chars()} where the
     *     receiving API takes one)
     * @throws IllegalStateException if the value is destroyed, also while it was read
     */
    public String text() {
        value.checkAlive();
        String text = new String(value.held(), StandardCharsets.UTF_8);
        checkUnchanged();
        return text;
    }

    /**
     * Compares in time that depends on the lengths only ({@link MessageDigest#isEqual}), for checking a presented
     * token or signature against the secret.
     *
     * @param other the bytes to compare with
     * @return whether they equal the value
     * @throws IllegalStateException if the value is destroyed, also while it was read
     */
    public boolean contentEquals(byte[] other) {
        Objects.requireNonNull(other, "other");
        value.checkAlive();
        boolean equal = MessageDigest.isEqual(value.held(), other);
        checkUnchanged();
        return equal;
    }

    private void checkUnchanged() {
        if (!value.unchangedSinceRead()) {
            throw destroyed();
        }
    }

    /** Without the numbers {@code Objects.checkIndex} would quote: the value's size among them. */
    private static IndexOutOfBoundsException outside(String what) {
        return new IndexOutOfBoundsException(what);
    }

    private static IllegalStateException destroyed() {
        return new IllegalStateException("SecretValue has been destroyed");
    }

    @Override
    public String toString() {
        return "SecretView[*** redacted ***]";
    }
}
