package dev.secretstore.local.internal;

/**
 * An index file is damaged or foreign. Never shown to users as such: the index is rebuilt from the records
 * (or, in a read-only store, the records are scanned instead), since the records are the truth.
 */
final class IndexDamaged extends java.io.IOException {
  private static final long serialVersionUID = 1L;

  IndexDamaged(String message) {
    super(message);
  }
}
