package dev.secretstore.local.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a key file or store directory that other users could read or change, or that belongs to another
 * user, as ssh refuses such a private key: a key readable by others is no longer a secret, and a store
 * directory writable by others lets them replace records or plant links. With {@code allowInsecurePermissions}
 * the problem is only logged as a warning. Checked where the file system has POSIX permissions.
 */
final class FilePermissions {
  private static final System.Logger LOG = System.getLogger("dev.secretstore.local");
  private static final Set<PosixFilePermission> OTHERS_READ_WRITE = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
  private static final Set<PosixFilePermission> OTHERS_ANY = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private FilePermissions() {}

  static void checkKeyFile(Path file, boolean allowInsecure) {
    check(file, "key file", OTHERS_ANY, "chmod 600 " + file, allowInsecure);
  }

  static void checkStoreDirectory(Path dir, boolean allowInsecure) {
    check(dir, "store directory", OTHERS_READ_WRITE, "chmod 700 " + dir, allowInsecure);
  }

  private static void check(Path path, String what, Set<PosixFilePermission> forbidden, String fix,
      boolean allowInsecure) {
    if (!Posix.supported(path)) {
      return;
    }
    Optional<String> problem;
    try {
      problem = problem(Files.readAttributes(path, PosixFileAttributes.class), forbidden);
    } catch (NoSuchFileException absent) {
      return;
    } catch (IOException | UnsupportedOperationException unknown) {
      return; // cannot tell; reading it will fail on its own if it is not ours to read
    }
    if (problem.isEmpty()) {
      return;
    }
    String detail = what + " " + path + " " + problem.get();
    if (allowInsecure) {
      LOG.log(System.Logger.Level.WARNING, detail + "; using it anyway because allowInsecurePermissions is set");
      return;
    }
    throw StoreFault.of(FaultKind.ACCESS_DENIED, null, detail + "; refusing to use it",
        "run '" + fix + "' as its owner (or chown it to the user running secretstore), or set"
            + " \"allowInsecurePermissions\": true to use it anyway with a warning");
  }

  private static Optional<String> problem(PosixFileAttributes attributes, Set<PosixFilePermission> forbidden) {
    String user = System.getProperty("user.name");
    String owner = attributes.owner().getName();
    if (user != null && !user.equals(owner)) {
      return Optional.of("is owned by another user (" + owner + ")");
    }
    Set<PosixFilePermission> granted = EnumSet.noneOf(PosixFilePermission.class);
    granted.addAll(attributes.permissions());
    granted.retainAll(forbidden);
    if (!granted.isEmpty()) {
      return Optional.of("is accessible by other users (mode " + PosixFilePermissions.toString(attributes.permissions())
          + ")");
    }
    return Optional.empty();
  }
}
