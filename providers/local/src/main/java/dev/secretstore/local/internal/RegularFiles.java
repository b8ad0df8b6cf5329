package dev.secretstore.local.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens a store file for reading only when it is a regular file, never through a symbolic link. Opening a
 * FIFO blocks until someone writes to it, so a FIFO (or a device) planted or left where a record or value
 * file belongs would hang every read and listing that meets it; it is refused instead, and the caller reports
 * it as damage to that one secret. Only this user can change the store directory (others are refused by
 * {@link FilePermissions}), so the gap between the check and the open is not a race anyone else can use.
 */
final class RegularFiles {
  private RegularFiles() {}

  /** Thrown for anything but a regular file (a FIFO, a device, a directory, a symbolic link). */
  static final class NotRegularFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    NotRegularFileException(Path file) {
      super(file.toString(), null, "not a regular file");
    }
  }

  /**
   * @throws java.nio.file.NoSuchFileException when there is no file
   * @throws NotRegularFileException when there is something else than a regular file
   */
  static InputStream open(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile()) {
      throw new NotRegularFileException(file);
    }
    return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
  }
}
