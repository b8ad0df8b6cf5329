package dev.secretstore.emulator.gcp.internal;

import com.google.cloud.secretmanager.v1.SecretVersion;

/** A version as kept: its metadata and, until destroyed, its payload and checksum. */
final class StoredVersion {
  final long number;
  SecretVersion meta;
  byte[] data;
  long crc32c;

  StoredVersion(long number, SecretVersion meta, byte[] data, long crc32c) {
    this.number = number;
    this.meta = meta;
    this.data = data;
    this.crc32c = crc32c;
  }

  @Override
  public String toString() {
    return "StoredVersion[" + meta.getName() + ", " + meta.getState() + "]";
  }
}
