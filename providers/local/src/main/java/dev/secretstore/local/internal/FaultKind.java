package dev.secretstore.local.internal;

/** What went wrong in the local store; the SPI adapter maps each kind to one exception type of the contract. */
public enum FaultKind {
  NOT_FOUND,
  ALREADY_EXISTS,
  /** A write on a read-only store (by configuration or file-system permission). */
  ACCESS_DENIED,
  /** The master key is missing or is not the key this store was created with. */
  AUTHENTICATION,
  /** A record failed its AES-GCM check: altered, truncated, or moved to another name or version. */
  INTEGRITY,
  /** The caller asked for something the store cannot do (unknown version, too many tags, ...). */
  INVALID_REQUEST,
  /** A configuration value the store cannot use (e.g. a key variable that is not set). */
  INVALID_CONFIG,
  /** An I/O failure that may pass (disk full, lock interrupted, ...). */
  UNAVAILABLE
}
