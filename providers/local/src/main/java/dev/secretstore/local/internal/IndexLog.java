package dev.secretstore.local.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The append-only part of the index: the changes since the last {@link IndexSnapshot} (at most
 * {@link StoreIndex#COMPACT_AFTER} of them, so reading it costs the same in any store).
 *
 * <p>Each write of a record appends {@code BEGIN name} before touching any file and {@code SET entry} once
 * the record is durable. A {@code BEGIN} with no later {@code SET} marks a write in progress, or one killed
 * half-way: for that name the record file, not the index, is the truth, and the next writer repairs the
 * entry from it. A torn last entry (killed mid-append) fails its checksum and is ignored, then cut off by the
 * next writer. Layout: {@code "SSLL" | format 1 | sequence of the snapshot it extends (long)}, then framed
 * entries ({@link IndexFormat}).
 */
final class IndexLog {
  static final String FILE = "log";
  static final int BEGIN = 1;
  static final int SET = 2;
  private static final byte[] MAGIC = "SSLL".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 4 + 1 + 8;
  /** Far above what {@link StoreIndex#COMPACT_AFTER} entries take; a bigger file is not ours. */
  private static final int MAX_BYTES = 16 * 1024 * 1024;

  /** What a log holds: the latest entry per name, the names with a write in progress, where valid data ends. */
  record Contents(long sequence, TreeMap<String, IndexEntry> changes, Set<String> pending, long validEnd,
      int entries) {}

  private IndexLog() {}

  static Optional<Contents> read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (bytes.length > MAX_BYTES || bytes.length < HEADER || !Arrays.equals(Arrays.copyOf(bytes, 4), MAGIC)
        || bytes[4] != 1) {
      throw new IndexDamaged("index log header is damaged");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    in.position(5);
    long sequence = in.getLong();
    TreeMap<String, IndexEntry> changes = new TreeMap<>();
    Set<String> pending = new HashSet<>();
    int entries = 0;
    long validEnd = HEADER;
    while (in.remaining() >= 8) {
      int length = in.getInt();
      if (length <= 0 || length > IndexFormat.MAX_ENTRY_BYTES || in.remaining() < length + 4) {
        break; // torn tail
      }
      byte[] payload = new byte[length];
      in.get(payload);
      if (in.getInt() != IndexFormat.crc(payload)) {
        break;
      }
      try (DataInputStream entry = IndexFormat.reader(payload)) {
        int type = entry.readUnsignedByte();
        IndexEntry parsed = IndexEntry.readFrom(entry);
        if (type == BEGIN) {
          pending.add(parsed.name());
        } else if (type == SET) {
          pending.remove(parsed.name());
          changes.put(parsed.name(), parsed);
        } else {
          break;
        }
      } catch (IOException malformed) {
        break;
      }
      entries++;
      validEnd = in.position();
    }
    // Shared between threads by the index's cache: never modified after this point.
    return Optional.of(new Contents(sequence, changes, Set.copyOf(pending), validEnd, entries));
  }

  /** The bytes of an empty log extending snapshot {@code sequence}. */
  static byte[] empty(long sequence) {
    return ByteBuffer.allocate(HEADER).put(MAGIC).put((byte) 1).putLong(sequence).array();
  }

  /**
   * Appends one entry at {@code validEnd} (cutting off a torn tail). Only ever called under the store lock.
   *
   * @param sync whether to fsync (a {@code SET} is; a {@code BEGIN} need only survive the process)
   */
  static void append(Path file, long validEnd, int type, IndexEntry entry, boolean sync) throws IOException {
    try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS))) {
      if (channel.size() > validEnd) {
        channel.truncate(validEnd);
      }
      ByteBuffer framed = ByteBuffer.wrap(IndexFormat.frame(IndexFormat.payload(entry, type)));
      long position = validEnd;
      while (framed.hasRemaining()) {
        position += channel.write(framed, position);
      }
      if (sync) {
        channel.force(false);
      }
    }
  }
}
