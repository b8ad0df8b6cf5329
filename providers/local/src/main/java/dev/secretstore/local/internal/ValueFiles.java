package dev.secretstore.local.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Where each version's value is kept since format 2: {@code <store>/.values/<name hash>/<record id>-<version>.val},
 * one immutable file per version, so adding a version writes one small file and a small record instead of
 * rewriting every version. A value file is {@code "SSLV"}, the 12-byte nonce, then the AES-GCM ciphertext
 * sealed with the value associated data (name, record id, version id): a value file moved to another name,
 * record or version fails authentication.
 *
 * <p>One directory per name (the first 128 bits of SHA-256 of the name, in hex) lets a forced delete remove
 * every value of a secret whose record is damaged and cannot say which versions it had.
 */
public final class ValueFiles {
  public static final String DIR = ".values";
  private static final byte[] MAGIC = "SSLV".getBytes(StandardCharsets.US_ASCII);

  private ValueFiles() {}

  public static Path directory(Path storeDir, String name) {
    return storeDir.resolve(DIR).resolve(nameHash(name));
  }

  public static Path file(Path storeDir, String name, String recordId, String versionId) {
    return directory(storeDir, name).resolve(recordId + "-" + versionId + ".val");
  }

  public static byte[] encode(Sealed sealed) {
    byte[] nonce = sealed.nonce();
    byte[] ciphertext = sealed.ciphertext();
    byte[] out = new byte[MAGIC.length + nonce.length + ciphertext.length];
    System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
    System.arraycopy(nonce, 0, out, MAGIC.length, nonce.length);
    System.arraycopy(ciphertext, 0, out, MAGIC.length + nonce.length, ciphertext.length);
    return out;
  }

  /**
   * Reads a value file, refusing more than {@code maxBytes} (a damaged or planted file is never read whole
   * into memory); a missing, short or foreign file is an integrity fault naming the file.
   */
  public static Sealed read(Path file, String name, int maxBytes) {
    byte[] bytes;
    try (java.io.InputStream in = RegularFiles.open(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (NoSuchFileException e) {
      throw StoreFault.integrity(name, "value file " + file + " is missing", file);
    } catch (RegularFiles.NotRegularFileException e) {
      throw StoreFault.integrity(name, "value file " + file + " is not a regular file", file);
    } catch (IOException e) {
      throw StoreFault.integrity(name, "value file " + file + " cannot be read (" + e.getClass().getSimpleName()
          + ")", file);
    }
    int header = MAGIC.length + Aead.NONCE_BYTES;
    if (bytes.length > maxBytes) {
      throw StoreFault.integrity(name, "value file " + file + " is larger than any value this store writes", file);
    }
    if (bytes.length < header + Aead.TAG_BITS / 8 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw StoreFault.integrity(name, "value file " + file + " is truncated or not a secretstore-local value",
          file);
    }
    return new Sealed(Arrays.copyOfRange(bytes, MAGIC.length, header), Arrays.copyOfRange(bytes, header,
        bytes.length));
  }

  /** Deletes every value file of a name (all its records, all versions), and the name's directory. */
  public static void deleteAll(Path storeDir, String name) throws IOException {
    Path dir = directory(storeDir, name);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.val")) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    } catch (NoSuchFileException e) {
      return;
    }
    try {
      Files.deleteIfExists(dir);
    } catch (java.nio.file.DirectoryNotEmptyException foreign) {
      // a file we did not create is left where it is, and so is its directory
    }
  }

  private static String nameHash(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
