package dev.secretstore.local.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;

/**
 * What the index knows about one name: the generation of its record's latest write, and whether it is live,
 * scheduled for deletion (with the date) or gone. Holds no value, no tag, nothing secret beyond the name,
 * which the record file's name shows anyway.
 */
public record IndexEntry(String name, long generation, State state, Instant deletionDate) {
  public enum State { LIVE, DELETED, GONE }

  public static IndexEntry of(SecretRecord record) {
    return new IndexEntry(record.name(), record.generation(),
        record.isDeleted() ? State.DELETED : State.LIVE, record.deletionDate());
  }

  public static IndexEntry gone(String name, long generation) {
    return new IndexEntry(name, generation, State.GONE, null);
  }

  /** Listed (and read) unless deleted or gone. */
  public boolean isLive() {
    return state == State.LIVE;
  }

  void writeTo(DataOutputStream out) throws IOException {
    out.writeUTF(name);
    out.writeLong(generation);
    out.writeByte(state.ordinal());
    if (state == State.DELETED) {
      out.writeLong(deletionDate.getEpochSecond());
      out.writeInt(deletionDate.getNano());
    }
  }

  static IndexEntry readFrom(DataInputStream in) throws IOException {
    String name = in.readUTF();
    long generation = in.readLong();
    int state = in.readUnsignedByte();
    if (state >= State.values().length) {
      throw new IOException("bad index entry state");
    }
    State s = State.values()[state];
    Instant date = s == State.DELETED ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    return new IndexEntry(name, generation, s, date);
  }
}
