package dev.secretstore;

import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A secret value, text or bytes. It never shows itself: {@link #toString()} is
 * {@code SecretValue[*** redacted ***]}. {@link #destroy()} zeroes the bytes it holds.
 *
 * <pre>{@code
 * SecretValue value = SecretValue.ofText(password);
 * try {
 *     store.put(name, value);
 * } finally {
 *     value.destroy();
 * }
 * }</pre>
 *
 * Instances are immutable until destroyed; accessors copy, so callers can never change the content.
 */
public final class SecretValue implements Destroyable {

    private final byte[] bytes;
    private final boolean text;
    private volatile boolean destroyed;
    /** Created on first use; racing creations make equal views, so no lock. */
    private SecretView view;

    private SecretValue(byte[] bytes, boolean text) {
        this.bytes = bytes;
        this.text = text;
    }

    /**
     * @param text the value; encoded as UTF-8
     * @return a text value
     */
    public static SecretValue ofText(String text) {
        Objects.requireNonNull(text, "text");
        return new SecretValue(text.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * @param bytes the value; copied, so the caller may zero its array afterwards
     * @return a binary value
     */
    public static SecretValue ofBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new SecretValue(bytes.clone(), false);
    }

    /**
     * An independent copy: destroying one leaves the other intact (a cache hands out copies and zeroes its
     * own when it evicts).
     *
     * @param value the value to copy
     * @return a copy with the same bytes and the same text/binary kind
     * @throws IllegalStateException if {@code value} is destroyed, also when it was destroyed while copied
     */
    public static SecretValue copyOf(SecretValue value) {
        Objects.requireNonNull(value, "value");
        value.checkAlive();
        byte[] copy = value.bytes.clone();
        if (!value.unchangedSinceRead()) {
            Arrays.fill(copy, (byte) 0);
            throw new IllegalStateException("SecretValue has been destroyed");
        }
        return new SecretValue(copy, value.text);
    }

    /**
     * Read-only access to these bytes without a copy, for {@link SecretStore#withValue}; each of the view's reads
     * is checked against a {@link #destroy()} racing with it.
     *
     * @return a view of this value (the same one on every call)
     */
    public SecretView view() {
        SecretView v = view;
        if (v == null) {
            view = v = new SecretView(this);
        }
        return v;
    }

    /** @return whether the value was created from text */
    public boolean isText() {
        return text;
    }

    /**
     * @return the value as text (bytes are decoded as UTF-8)
     * @throws IllegalStateException if destroyed
     */
    public String text() {
        checkAlive();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * @return a copy of the bytes
     * @throws IllegalStateException if destroyed
     */
    public byte[] bytes() {
        checkAlive();
        return bytes.clone();
    }

    /** @return the size in bytes (UTF-8 for text) */
    public int size() {
        return bytes.length;
    }

    /** Zeroes the bytes held; later {@link #text()} and {@link #bytes()} fail. */
    @Override
    public void destroy() {
        destroyed = true;
        // No zero may be seen before the flag is: a reader checks the flag after reading (unchangedSinceRead).
        VarHandle.storeStoreFence();
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** The array itself, for {@link SecretView}: never handed further. */
    byte[] held() {
        return bytes;
    }

    /**
     * Whether every read of {@link #held()} made before this call saw the value intact: the flag is set before the
     * first zero is written, and it is read here after those reads (the optimistic read of
     * {@link java.util.concurrent.locks.StampedLock}).
     */
    boolean unchangedSinceRead() {
        VarHandle.acquireFence();
        return !destroyed;
    }

    void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("SecretValue has been destroyed");
        }
    }

    /** Constant-time comparison of the content (text and bytes with equal content are equal). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SecretValue)) {
            return false;
        }
        SecretValue other = (SecretValue) o;
        return !destroyed && !other.destroyed && MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Depends on the size only, so hashing leaks nothing about the content. */
    @Override
    public int hashCode() {
        return Integer.hashCode(bytes.length);
    }

    @Override
    public String toString() {
        return "SecretValue[*** redacted ***]";
    }
}
