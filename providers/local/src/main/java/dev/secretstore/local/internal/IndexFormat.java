package dev.secretstore.local.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The framing shared by the index files: every entry is {@code length | payload | CRC32C(payload)}, so a torn
 * append (a writer killed mid-write) or a flipped bit is recognised and never parsed as data.
 */
final class IndexFormat {
  /** No index entry comes near this (a name is at most 255 characters). */
  static final int MAX_ENTRY_BYTES = 4096;

  private IndexFormat() {}

  static byte[] frame(byte[] payload) {
    ByteBuffer out = ByteBuffer.allocate(4 + payload.length + 4);
    out.putInt(payload.length);
    out.put(payload);
    out.putInt(crc(payload));
    return out.array();
  }

  static int crc(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }

  static byte[] payload(IndexEntry entry, int type) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(type);
      entry.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static DataInputStream reader(byte[] payload) {
    return new DataInputStream(new ByteArrayInputStream(payload));
  }
}
