package dev.secretstore.local.internal;

/** A decrypted version: the record it belongs to, which version, and the value (the caller owns the array). */
public record VersionRead(SecretRecord record, VersionEntry version, byte[] value) {
  @Override
  public String toString() {
    return "VersionRead[" + record.name() + ", version " + version.id() + ", value *** redacted ***]";
  }
}
