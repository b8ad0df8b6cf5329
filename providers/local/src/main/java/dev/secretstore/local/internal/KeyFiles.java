package dev.secretstore.local.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;

/** Reads key files, and creates a new random key file that is never readable by anyone but its owner. */
public final class KeyFiles {
  /** A key file holds base64 of 32 bytes: 44 characters, the last one padding. */
  static final int KEY_FILE_BYTES = 44;

  private KeyFiles() {}

  private static boolean isBase64(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      boolean ok = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/'
          || (b == '=' && i >= length - 2);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  public static Optional<MasterKey> read(Path path) {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    byte[] bytes;
    try (java.io.InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(KEY_FILE_BYTES + 3); // enough to tell a longer file from a key file
    } catch (IOException e) {
      throw StoreFault.of(FaultKind.AUTHENTICATION, null, "cannot read key file " + path + " ("
          + e.getClass().getSimpleName() + ")", "make the key file readable by the user running secretstore");
    }
    try {
      // Exactly the documented format: 44 characters of standard base64 (32 bytes), then at most one newline.
      // Anything else (a 32-character password, raw bytes, a PEM file) is not a key this store accepts.
      int length = bytes.length;
      if (length > 0 && bytes[length - 1] == '\n') {
        length--;
      }
      if (length != KEY_FILE_BYTES || !isBase64(bytes, length) || bytes[length - 1] != '=') {
        throw new IllegalArgumentException("key file " + path + " does not hold a secretstore key: expected one"
            + " line of " + KEY_FILE_BYTES + " base64 characters encoding 32 bytes, as secretstore writes");
      }
      return Optional.of(MasterKey.parse(new String(bytes, 0, length, StandardCharsets.US_ASCII), "key file " + path));
    } catch (IllegalArgumentException e) {
      throw StoreFault.of(FaultKind.AUTHENTICATION, null, e.getMessage(),
          "point keyFile at the key this store was created with (base64 of 32 random bytes: "
              + "head -c 32 /dev/urandom | base64 > FILE; chmod 600 FILE)");
    } finally {
      java.util.Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Creates a new random key at {@code path}, or returns the key another process created there first.
   * The file is created with mode 0600 from the start (the mode is passed to open(2), so there is no moment
   * at which it is readable by others), written, fsynced, then linked into place without replacing anything.
   */
  public static MasterKey createOrRead(Path path, SecureRandom random) {
    Path dir = path.toAbsolutePath().getParent();
    byte[] raw = new byte[MasterKey.BYTES];
    random.nextBytes(raw);
    MasterKey key = MasterKey.ofBytes(raw);
    java.util.Arrays.fill(raw, (byte) 0);
    byte[] suffix = new byte[8];
    random.nextBytes(suffix);
    Path tmp = dir.resolve("." + path.getFileName() + "." + HexFormat.of().formatHex(suffix) + ".tmp");
    try {
      Posix.createPrivateDirectories(dir);
      try (FileChannel out = FileChannel.open(tmp,
          EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), Posix.ownerOnlyFile(dir))) {
        ByteBuffer text = ByteBuffer.wrap((key.encode() + "\n").getBytes(StandardCharsets.US_ASCII));
        while (text.hasRemaining()) {
          out.write(text);
        }
        out.force(true);
      }
      try {
        Files.createLink(path, tmp);
      } catch (FileAlreadyExistsException raced) {
        return read(path).orElseThrow(() -> StoreFault.of(FaultKind.AUTHENTICATION, null,
            "key file " + path + " vanished while being read"));
      } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
        if (Files.exists(path)) {
          return read(path).orElseThrow();
        }
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
      }
      AtomicFiles.fsyncDirectory(dir);
      return key;
    } catch (IOException e) {
      throw StoreFault.io(null, "cannot create key file " + path + " (" + e.getClass().getSimpleName() + ")", e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a stray temp file holds a key nobody uses; it is readable by the owner only
      }
    }
  }
}
