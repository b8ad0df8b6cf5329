package dev.secretstore.local.internal;

/** Lets a child writer stop at the most delicate instant of a write, for the test to kill it there. */
public final class CrashPoint {
  private CrashPoint() {}

  /** From now on, {@code action} runs after a write's temporary file is complete and before its rename. */
  public static void beforeRename(Runnable action) {
    AtomicFiles.beforeRename = action;
  }
}
