package dev.secretstore.local.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The marker of a key rotation in progress, {@code <store>/.rotation}: the new key sealed under the old one and
 * the old key sealed under the new one. Whichever key the key file holds when a rotation is interrupted (the
 * old one until the very end, then the new one), it opens the marker, the marker yields the other key, and
 * with both every file opens, re-encrypted or not. The marker is removed last, so the old key is kept until
 * the rotation is complete.
 *
 * <p>Layout: {@code "SSLT" | nonce | length (short) | sealed new key | nonce | length (short) | sealed old key}.
 */
final class KeyRotation {
  static final String MARKER = ".rotation";
  private static final byte[] MAGIC = "SSLT".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_BYTES = 512;

  /** Both keys of an interrupted rotation: the one to seal with, and the one it replaces. */
  record Keys(MasterKey newKey, MasterKey oldKey) {
    @Override
    public String toString() {
      return "Keys[*** redacted ***]";
    }
  }

  private KeyRotation() {}

  static boolean inProgress(Path storeDir) {
    return Files.exists(storeDir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
  }

  /** The keys of a rotation in progress, given either of them; empty when none is in progress. */
  static Optional<Keys> keys(Path storeDir, MasterKey key, SecureRandom random) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(storeDir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    Sealed sealedNew;
    Sealed sealedOld;
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      byte[] magic = new byte[MAGIC.length];
      in.get(magic);
      if (bytes.length > MAX_BYTES || !Arrays.equals(magic, MAGIC)) {
        throw new java.nio.BufferUnderflowException();
      }
      sealedNew = read(in);
      sealedOld = read(in);
    } catch (RuntimeException e) {
      throw StoreFault.integrity(null, "key rotation marker " + storeDir.resolve(MARKER) + " is damaged",
          storeDir.resolve(MARKER));
    }
    Aead aead = new Aead(key, random);
    try {
      byte[] newKey = aead.open(sealedNew, AssociatedData.rotationKey("new"), "rotation marker");
      try {
        return Optional.of(new Keys(MasterKey.ofBytes(newKey), key));
      } finally {
        Arrays.fill(newKey, (byte) 0);
      }
    } catch (StoreFault notTheOldKey) {
      byte[] oldKey;
      try {
        oldKey = aead.open(sealedOld, AssociatedData.rotationKey("old"), "rotation marker");
      } catch (StoreFault neither) {
        throw StoreFault.of(FaultKind.AUTHENTICATION, null, "the master key is neither the old nor the new key"
            + " of the key rotation in progress in " + storeDir,
            "point keyFile at the key file the rotation was started with");
      }
      try {
        return Optional.of(new Keys(key, MasterKey.ofBytes(oldKey)));
      } finally {
        Arrays.fill(oldKey, (byte) 0);
      }
    }
  }

  static void begin(Path storeDir, Keys keys, SecureRandom random) throws IOException {
    Sealed sealedNew = new Aead(keys.oldKey(), random).seal(keys.newKey().secretKey().getEncoded(),
        AssociatedData.rotationKey("new"));
    Sealed sealedOld = new Aead(keys.newKey(), random).seal(keys.oldKey().secretKey().getEncoded(),
        AssociatedData.rotationKey("old"));
    ByteBuffer out = ByteBuffer.allocate(MAX_BYTES);
    out.put(MAGIC);
    write(out, sealedNew);
    write(out, sealedOld);
    AtomicFiles.write(storeDir.resolve(MARKER), Arrays.copyOf(out.array(), out.position()),
        storeDir.resolve(AtomicFiles.TEMP_DIR));
  }

  static void end(Path storeDir) throws IOException {
    AtomicFiles.delete(storeDir.resolve(MARKER));
  }

  private static void write(ByteBuffer out, Sealed sealed) {
    out.put(sealed.nonce());
    out.putShort((short) sealed.ciphertext().length);
    out.put(sealed.ciphertext());
  }

  private static Sealed read(ByteBuffer in) {
    byte[] nonce = new byte[Aead.NONCE_BYTES];
    in.get(nonce);
    byte[] ciphertext = new byte[in.getShort()];
    in.get(ciphertext);
    return new Sealed(nonce, ciphertext);
  }
}
