package dev.secretstore.local.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** POSIX permission helpers that degrade to plain calls on file systems without POSIX attributes. */
final class Posix {
  private Posix() {}

  static boolean supported(Path anyPath) {
    return anyPath.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Creates missing directories with mode 0700; existing ones are left as they are. */
  static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (supported(dir) && FileSystems.getDefault().equals(dir.getFileSystem())) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** File attributes that create a file readable and writable by its owner only (0600), where supported. */
  static FileAttribute<?>[] ownerOnlyFile(Path dir) {
    return supported(dir)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
  }
}
