package dev.secretstore.local.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The AES-GCM associated data of each kind of ciphertext. Binding the secret's name (and for values its
 * version and the record's random id) means a ciphertext copied to another name, another version, or a
 * later secret of the same name fails to decrypt instead of yielding the wrong secret.
 */
public final class AssociatedData {
  private static final byte SEPARATOR = 0;

  private AssociatedData() {}

  public static byte[] record(String name) {
    return join("secretstore-local/record/v1", name);
  }

  public static byte[] value(String name, String recordId, String versionId) {
    return join("secretstore-local/value/v1", name, recordId, versionId);
  }

  /** A rotation marker's sealed key: which one it is ("new" under the old key, "old" under the new key). */
  public static byte[] rotationKey(String which) {
    return join("secretstore-local/rotation/v1", which);
  }

  public static byte[] keyCheck() {
    return join("secretstore-local/key-check/v1");
  }

  // Names and version ids never contain NUL, so the joined form is unambiguous.
  private static byte[] join(String... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.write(SEPARATOR);
      }
      out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
