package dev.secretstore.emulator.gcp.internal;

import java.util.zip.CRC32C;

/** CRC32C (Castagnoli) as Secret Manager uses it for payload integrity. */
public final class Crc32c {
  private Crc32c() {}

  public static long of(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    return crc.getValue();
  }
}
