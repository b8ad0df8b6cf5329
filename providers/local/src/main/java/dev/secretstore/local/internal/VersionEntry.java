package dev.secretstore.local.internal;

import java.time.Instant;

/**
 * One version of a secret: its id ("1", "2", ...), when it was written, whether the value was given as text
 * (so it reads back as text), and its sealed value when that is held inside the record (format 1 records);
 * {@code null} when the value lives in its own value file ({@link ValueFiles}), as every version written
 * since format 2 does, so that adding a version never rewrites the others.
 */
public record VersionEntry(String id, Instant createdAt, boolean text, Sealed value) {
  /** A version whose value is in its own value file. */
  public static VersionEntry external(String id, Instant createdAt, boolean text) {
    return new VersionEntry(id, createdAt, text, null);
  }

  public boolean isInline() {
    return value != null;
  }

  @Override
  public String toString() {
    return "VersionEntry[" + id + ", " + createdAt + "]";
  }
}
