package dev.secretstore.local.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A small record, written when a store is created, that only the store's key can open. Opening a store
 * decrypts it first, so a wrong key is reported as an authentication failure before any secret is touched,
 * never as garbage or as a confusing integrity error on the first secret read.
 */
public final class KeyCheck {
  public static final String FILE_NAME = ".key-check";
  private static final byte[] MAGIC = "SSLK".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONTENT = "secretstore-local key check".getBytes(StandardCharsets.US_ASCII);

  private KeyCheck() {}

  public static boolean exists(Path storeDir) {
    return Files.exists(storeDir.resolve(FILE_NAME));
  }

  public static void write(Path storeDir, Aead aead) throws IOException {
    Sealed sealed = aead.seal(CONTENT, AssociatedData.keyCheck());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    out.writeBytes(sealed.nonce());
    out.writeBytes(sealed.ciphertext());
    AtomicFiles.write(storeDir.resolve(FILE_NAME), out.toByteArray(), storeDir.resolve(AtomicFiles.TEMP_DIR));
  }

  /** Throws {@link FaultKind#AUTHENTICATION} unless {@code aead} holds the key the store was created with. */
  public static void verify(Path storeDir, Aead aead, KeySource source) throws IOException {
    byte[] file = Files.readAllBytes(storeDir.resolve(FILE_NAME));
    int header = MAGIC.length + Aead.NONCE_BYTES;
    if (file.length < header || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
      throw StoreFault.of(FaultKind.INTEGRITY, null, "key-check record " + storeDir.resolve(FILE_NAME)
          + " is damaged", "restore it from a backup of the store directory");
    }
    Sealed sealed = new Sealed(Arrays.copyOfRange(file, MAGIC.length, header),
        Arrays.copyOfRange(file, header, file.length));
    byte[] opened;
    try {
      opened = aead.open(sealed, AssociatedData.keyCheck(), "key-check record");
    } catch (StoreFault wrongKey) {
      throw StoreFault.of(FaultKind.AUTHENTICATION, null,
          "the master key from " + source.describe() + " is not the key store " + storeDir + " was created with",
          "point keyFile or keyEnv at the key this store was created with");
    }
    if (!Arrays.equals(opened, CONTENT)) {
      throw StoreFault.of(FaultKind.INTEGRITY, null, "key-check record holds unexpected content");
    }
  }
}
