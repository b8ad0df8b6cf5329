package dev.secretstore.local.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The sorted part of the index: every name with its entry, in name order, with a table of entry offsets at
 * the end so that a name is found by binary search (about 17 entries at 100,000 names, read from a mapping
 * of the file that the index keeps while the file is unchanged) and a listing page reads only its own
 * entries. Written whole by compaction, atomically; never modified in place.
 *
 * <p>Layout: {@code "SSLS" | format 1 | sequence (long) | count (int) | table offset (long) | earliest
 * deletion date of a soft-deleted entry (epoch seconds, {@code Long.MAX_VALUE} if none)}, the framed
 * entries ({@link IndexFormat}), then {@code count} longs, each an entry's offset.
 */
final class IndexSnapshot implements AutoCloseable {
  static final String FILE = "snapshot";
  private static final byte[] MAGIC = "SSLS".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 4 + 1 + 8 + 4 + 8 + 8;

  private final Source source;
  private final long sequence;
  private final int count;
  private final long tableOffset;
  private final long earliestDeletion;

  private IndexSnapshot(Source source, long sequence, int count, long tableOffset, long earliestDeletion) {
    this.source = source;
    this.sequence = sequence;
    this.count = count;
    this.tableOffset = tableOffset;
    this.earliestDeletion = earliestDeletion;
  }

  /**
   * Opens the snapshot, or empty if there is none; a damaged header is {@link IndexDamaged}. With
   * {@code mapped}, the file is memory-mapped and the channel closed at once: lookups then make no system
   * call, and the view stays valid (and {@link #close()} does nothing) for as long as it is referenced. The
   * index caches a mapped snapshot across reads; the file is only ever replaced by a rename, never changed
   * in place, so a mapping always shows one whole snapshot.
   */
  static Optional<IndexSnapshot> open(Path file, boolean mapped) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      long size = channel.size();
      Source source;
      if (mapped) {
        if (size > Integer.MAX_VALUE) {
          throw new IndexDamaged("index snapshot is larger than 2 GiB");
        }
        source = new Mapped(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
        channel.close();
      } else {
        source = new Channel(channel);
      }
      ByteBuffer header = source.read(0, HEADER);
      byte[] magic = new byte[4];
      header.get(magic);
      int format = header.get() & 0xff;
      long sequence = header.getLong();
      int count = header.getInt();
      long tableOffset = header.getLong();
      long earliestDeletion = header.getLong();
      if (!Arrays.equals(magic, MAGIC) || format != 1 || count < 0 || tableOffset < HEADER
          || tableOffset + 8L * count != size) {
        throw new IndexDamaged("index snapshot header is damaged");
      }
      return Optional.of(new IndexSnapshot(source, sequence, count, tableOffset, earliestDeletion));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  long sequence() {
    return sequence;
  }

  int count() {
    return count;
  }

  /** The earliest purge date (epoch seconds) of a soft-deleted entry, {@code Long.MAX_VALUE} if none. */
  long earliestDeletion() {
    return earliestDeletion;
  }

  IndexEntry entry(int i) throws IOException {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException(i);
    }
    long offset = source.read(tableOffset + 8L * i, 8).getLong();
    if (offset < HEADER || offset >= tableOffset) {
      throw new IndexDamaged("index snapshot offset table is damaged");
    }
    int length = source.read(offset, 4).getInt();
    if (length <= 0 || length > IndexFormat.MAX_ENTRY_BYTES || offset + 8 + length > tableOffset) {
      throw new IndexDamaged("index snapshot entry is damaged");
    }
    ByteBuffer rest = source.read(offset + 4, length + 4);
    byte[] payload = new byte[length];
    rest.get(payload);
    if (rest.getInt() != IndexFormat.crc(payload)) {
      throw new IndexDamaged("index snapshot entry fails its checksum");
    }
    try {
      java.io.DataInputStream in = IndexFormat.reader(payload);
      in.readUnsignedByte(); // entry type, always a plain entry here
      return IndexEntry.readFrom(in);
    } catch (IOException e) {
      throw new IndexDamaged("index snapshot entry is malformed");
    }
  }

  /** The position of the first entry whose name is {@code >= name} ({@link #count()} if none). */
  int lowerBound(String name) throws IOException {
    int low = 0;
    int high = count;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (entry(mid).name().compareTo(name) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The snapshot file's bytes for {@code entries}, which must be in name order. */
  static byte[] build(long sequence, Iterable<IndexEntry> entries) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    long[] offsets = new long[16];
    int count = 0;
    String previous = null;
    long earliestDeletion = Long.MAX_VALUE;
    for (IndexEntry entry : entries) {
      if (entry.state() == IndexEntry.State.DELETED) {
        earliestDeletion = Math.min(earliestDeletion, entry.deletionDate().getEpochSecond());
      }
      if (previous != null && previous.compareTo(entry.name()) >= 0) {
        throw new IllegalArgumentException("index entries out of order");
      }
      previous = entry.name();
      if (count == offsets.length) {
        offsets = Arrays.copyOf(offsets, count * 2);
      }
      offsets[count++] = HEADER + body.size();
      body.writeBytes(IndexFormat.frame(IndexFormat.payload(entry, 0)));
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream(HEADER + body.size() + 8 * count);
    try (DataOutputStream out = new DataOutputStream(file)) {
      out.write(MAGIC);
      out.writeByte(1);
      out.writeLong(sequence);
      out.writeInt(count);
      out.writeLong(HEADER + body.size());
      out.writeLong(earliestDeletion);
      body.writeTo(out);
      for (int i = 0; i < count; i++) {
        out.writeLong(offsets[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toByteArray();
  }

  /** Where the snapshot's bytes come from: a memory mapping (cached by the index) or an open channel. */
  private interface Source {
    ByteBuffer read(long position, int length) throws IOException;

    void close() throws IOException;
  }

  private record Mapped(ByteBuffer bytes) implements Source {
    @Override
    public ByteBuffer read(long position, int length) throws IOException {
      if (position < 0 || position + length > bytes.capacity()) {
        throw new IndexDamaged("index snapshot is truncated");
      }
      try {
        // A copy, so that a file cut short under the mapping (never done by this store) cannot fault later.
        byte[] copy = new byte[length];
        bytes.get((int) position, copy);
        return ByteBuffer.wrap(copy);
      } catch (InternalError fault) {
        // The JDK's report of a fault on a mapped page: the file was truncated in place behind our back.
        throw new IndexDamaged("index snapshot changed while mapped");
      }
    }

    @Override
    public void close() {
      // The mapping is shared by every reader of the cached snapshot; it goes when no reader holds it.
    }
  }

  private record Channel(FileChannel channel) implements Source {
    @Override
    public ByteBuffer read(long position, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          throw new IndexDamaged("index snapshot is truncated");
        }
      }
      return buffer.flip();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
