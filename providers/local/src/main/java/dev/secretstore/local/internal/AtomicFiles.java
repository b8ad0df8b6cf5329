package dev.secretstore.local.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;

/**
 * Replaces a file so that a crash at any instant leaves either the old or the new content: write a temporary
 * file in the store's temporary directory (same file system), fsync it, rename it over the target atomically,
 * fsync the target's directory so the rename itself is durable.
 *
 * <p>Temporary files live in {@code <store>/.tmp/}, named {@code .tmp-<16 hex digits>}: a writable open
 * removes what a killed writer left there without listing the (possibly huge) store directory, and never
 * touches a file it did not create.
 */
public final class AtomicFiles {
  /** Temporary files start with this; real records never do, so a crash leftover is never read as one. */
  public static final String TEMP_PREFIX = ".tmp-";
  /** The store's subdirectory holding temporary files. */
  public static final String TEMP_DIR = ".tmp";
  private static final java.util.regex.Pattern TEMP_NAME = java.util.regex.Pattern.compile("\\.tmp-[0-9a-f]{16}");

  private static final SecureRandom RANDOM = new SecureRandom();
  /**
   * Test seam, null in production: runs when the new content is durable in the temporary file and the rename
   * has not happened, so the crash-safety test can kill a writer at exactly that instant.
   */
  static volatile Runnable beforeRename;

  private AtomicFiles() {}

  /** Whether a file name is one {@link #write} gives its temporary files. */
  public static boolean isTemporaryName(String fileName) {
    return TEMP_NAME.matcher(fileName).matches();
  }

  /**
   * Writes {@code content} to {@code target} atomically, staging it in {@code tempDir} (created 0700 if
   * missing; same file system as the target). The temporary file is created with {@code CREATE_NEW}, so an
   * existing file or symlink of that name is never followed or reused.
   */
  public static void write(Path target, byte[] content, Path tempDir) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Posix.createPrivateDirectories(tempDir);
    byte[] suffix = new byte[8];
    RANDOM.nextBytes(suffix);
    Path tmp = tempDir.resolve(TEMP_PREFIX + HexFormat.of().formatHex(suffix));
    try {
      try (FileChannel out = FileChannel.open(tmp,
          EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), Posix.ownerOnlyFile(dir))) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Runnable hook = beforeRename;
      if (hook != null && target.getFileName().toString().endsWith(NameCodec.RECORD_SUFFIX)) {
        hook.run();
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    fsyncDirectory(dir);
  }

  /** Deletes a file and makes the deletion durable. */
  public static boolean delete(Path target) throws IOException {
    boolean deleted = Files.deleteIfExists(target);
    if (deleted) {
      fsyncDirectory(target.toAbsolutePath().getParent());
    }
    return deleted;
  }

  /** Makes directory entry changes (creations, renames, deletions) durable. */
  public static void fsyncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms (Windows) cannot open a directory as a channel; their rename is durable on its own.
    }
  }
}
