package dev.secretstore.local.internal;

import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The store's 256-bit AES key. Its bytes never reach a message or {@code toString}. */
public final class MasterKey {
  public static final int BYTES = 32;

  private final SecretKeySpec key;

  private MasterKey(byte[] bytes) {
    this.key = new SecretKeySpec(bytes, "AES");
  }

  public static MasterKey ofBytes(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("a master key must be 32 bytes (AES-256), got " + bytes.length);
    }
    return new MasterKey(bytes.clone());
  }

  /**
   * Parses the textual form (base64, standard or URL alphabet, surrounding whitespace ignored).
   *
   * @param source where the text came from, for the message (a path or a variable name, never the text)
   */
  public static MasterKey parse(String text, String source) {
    String trimmed = text.strip();
    byte[] bytes;
    try {
      bytes = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(trimmed)
          : Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + " does not hold base64 text");
    }
    try {
      if (bytes.length != BYTES) {
        throw new IllegalArgumentException(
            source + " must hold a base64-encoded 256-bit key (32 bytes), it holds " + bytes.length + " bytes");
      }
      return new MasterKey(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The textual form written to a new key file. */
  String encode() {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  SecretKey secretKey() {
    return key;
  }

  @Override
  public String toString() {
    return "MasterKey[*** redacted ***]";
  }
}
