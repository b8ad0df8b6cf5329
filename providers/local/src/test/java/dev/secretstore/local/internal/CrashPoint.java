package dev.secretstore.local.internal;

/** Lets a child writer stop at the most delicate instant of a write, for the test to kill it there. */
public final class CrashPoint {
  private CrashPoint() {}

  /** From now on, {@code action} runs after a write's temporary file is complete and before its rename. */
  public static void beforeRename(Runnable action) {
    AtomicFiles.beforeRename = action;
  }

  /** From now on, the index is compacted after every {@code entries} log entries (a write appends two). */
  public static void compactIndexEvery(int entries) {
    StoreIndex.compactAfter = entries;
  }

  /** Back to the index's own compaction interval. */
  public static void compactIndexAsUsual() {
    StoreIndex.compactAfter = StoreIndex.COMPACT_AFTER;
  }
}
