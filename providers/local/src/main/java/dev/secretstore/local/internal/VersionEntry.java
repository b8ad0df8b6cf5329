package dev.secretstore.local.internal;

import java.time.Instant;

/**
 * One version of a secret: its id ("1", "2", ...), when it was written, whether the value was given as text
 * (so it reads back as text), and its sealed value.
 */
public record VersionEntry(String id, Instant createdAt, boolean text, Sealed value) {
  @Override
  public String toString() {
    return "VersionEntry[" + id + ", " + createdAt + "]";
  }
}
