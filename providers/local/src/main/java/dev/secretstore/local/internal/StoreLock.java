package dev.secretstore.local.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises read-modify-write cycles on one store across threads and processes.
 *
 * <p>An OS file lock ({@link FileChannel#lock()}) excludes other processes, but it is held per JVM: two
 * threads of one JVM would both "own" it, and a second {@code lock()} in the same JVM throws. Worse, closing
 * any channel on the file may release every lock the JVM holds on it. So each lock file has one JVM-wide
 * {@link ReentrantLock}, shared by every store instance opened on that directory, taken first; the OS lock is
 * only ever taken, and its channel only opened and closed, by the thread holding it.
 */
public final class StoreLock {
  public static final String FILE_NAME = ".lock";

  private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path lockFile;
  private final ReentrantLock threadLock;

  public StoreLock(Path storeDir) {
    this.lockFile = storeDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    this.threadLock = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
  }

  public <T> T withLock(Supplier<T> action) {
    try {
      threadLock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StoreFault.io(null, "interrupted while waiting for the store lock", e);
    }
    try {
      if (threadLock.getHoldCount() > 1) {
        return action.get(); // re-entered: the OS lock is already ours
      }
      try (FileChannel channel = FileChannel.open(lockFile,
          // Never through a symbolic link: whoever planted it would have us create or lock a file of their choosing.
          Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS),
          Posix.ownerOnlyFile(lockFile.getParent()))) {
        FileLock processLock = channel.lock();
        try {
          return action.get();
        } finally {
          processLock.release();
        }
      } catch (java.nio.file.AccessDeniedException e) {
        throw StoreFault.of(FaultKind.ACCESS_DENIED, null, "cannot open the lock file " + lockFile
            + ": permission denied", ReadOnlyReason.NOT_WRITABLE.remediation(lockFile.getParent()));
      } catch (IOException e) {
        if (java.nio.file.Files.isSymbolicLink(lockFile)) {
          throw StoreFault.of(FaultKind.ACCESS_DENIED, null, "the lock file " + lockFile + " is a symbolic link;"
              + " refusing to follow it", "remove the link; the store creates its own lock file");
        }
        throw StoreFault.io(null, "cannot lock " + lockFile + " (" + e.getClass().getSimpleName() + ")", e);
      }
    } finally {
      threadLock.unlock();
    }
  }
}
