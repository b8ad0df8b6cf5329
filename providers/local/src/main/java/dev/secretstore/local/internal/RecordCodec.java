package dev.secretstore.local.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record file format. A file is {@code "SSLR"}, a format byte (2; format 1 is still read), the secret's name (modified UTF-8 as
 * written by {@link DataOutputStream#writeUTF}), a 12-byte nonce, and the AES-GCM ciphertext of the record
 * body sealed with the record associated data (the name again). The clear-text name lets a listing learn
 * which name a file claims without knowing it beforehand; the claim is worth nothing until the envelope
 * authenticates against it, and the store also checks the file sits at the path that name maps to.
 *
 * <p>The body is a {@link DataOutputStream} encoding of the metadata (format 2 adds the record's write
 * generation) followed by each version. A format 1 version holds its value sealed inline; a format 2 version
 * is either inline (kept from a format 1 record) or external, its value in its own {@link ValueFiles value
 * file}. Either way a value is sealed with the value associated data (name, record id, version id). So tags
 * and dates are confidential and tamper-evident, and each value is bound to its name and version on its own.
 */
public final class RecordCodec {
  private static final byte[] MAGIC = "SSLR".getBytes(StandardCharsets.US_ASCII);
  private static final int FORMAT_1 = 1;
  private static final int FORMAT = 2;
  private static final int VERSION_INLINE = 0;
  private static final int VERSION_EXTERNAL = 1;

  private final Aead aead;

  public RecordCodec(Aead aead) {
    this.aead = aead;
  }

  Aead aead() {
    return aead;
  }

  public byte[] encode(SecretRecord record) {
    Sealed envelope = aead.seal(body(record), AssociatedData.record(record.name()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    out.write(FORMAT);
    out.writeBytes(utf(record.name()));
    out.writeBytes(envelope.nonce());
    out.writeBytes(envelope.ciphertext());
    return out.toByteArray();
  }

  /** Bytes enough to hold any header: magic, format, and a name of at most 255 characters (2-byte length). */
  public static final int MAX_HEADER_BYTES = 4 + 1 + 2 + 3 * 255;

  /**
   * The name a record file claims to hold, read from its clear-text header (the file's first bytes suffice,
   * see {@link #MAX_HEADER_BYTES}); not yet authenticated.
   */
  public static String claimedName(byte[] file) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(file))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw StoreFault.of(FaultKind.INTEGRITY, null, "file is not a secretstore-local record");
      }
      int format = in.readUnsignedByte();
      if (format != FORMAT && format != FORMAT_1) {
        throw StoreFault.of(FaultKind.INTEGRITY, null,
            "record file has format " + format + "; this version reads format " + FORMAT,
            "upgrade secretstore-local to read this store");
      }
      return in.readUTF();
    } catch (IOException e) {
      throw StoreFault.of(FaultKind.INTEGRITY, null, "record file is truncated");
    }
  }

  /**
   * Opens a record file's bytes, checking they belong to {@code expectedName}: a file copied over another
   * secret's file fails here, whatever its header claims.
   */
  public SecretRecord decode(byte[] file, String expectedName) {
    String claimed;
    try {
      claimed = claimedName(file);
    } catch (StoreFault f) {
      throw f.forSecret(expectedName);
    }
    int header = MAGIC.length + 1 + utf(claimed).length;
    if (file.length < header + Aead.NONCE_BYTES) {
      throw StoreFault.of(FaultKind.INTEGRITY, expectedName, "record file is truncated");
    }
    Sealed envelope = new Sealed(Arrays.copyOfRange(file, header, header + Aead.NONCE_BYTES),
        Arrays.copyOfRange(file, header + Aead.NONCE_BYTES, file.length));
    byte[] body;
    try {
      // The expected name, not the claimed one, goes into the associated data.
      body = aead.open(envelope, AssociatedData.record(expectedName), "record");
    } catch (StoreFault f) {
      throw f.forSecret(expectedName);
    }
    SecretRecord record = parseBody(body, expectedName, file[MAGIC.length] == FORMAT_1);
    if (!record.name().equals(expectedName) || !claimed.equals(expectedName)) {
      throw StoreFault.of(FaultKind.INTEGRITY, expectedName, "record belongs to another name");
    }
    return record;
  }

  /** Decrypts one version's value; its associated data ties it to this record's name and id and that version. */
  public byte[] openValue(SecretRecord record, VersionEntry version) {
    return openValue(record, version, version.value());
  }

  /** Decrypts one version's value read from wherever it is kept (inline or its value file). */
  public byte[] openValue(SecretRecord record, VersionEntry version, Sealed sealed) {
    try {
      return aead.open(sealed, AssociatedData.value(record.name(), record.recordId(), version.id()),
          "value of version " + version.id());
    } catch (StoreFault f) {
      throw f.forSecret(record.name());
    }
  }

  public Sealed sealValue(String name, String recordId, String versionId, byte[] value) {
    return aead.seal(value, AssociatedData.value(name, recordId, versionId));
  }

  private static byte[] body(SecretRecord record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(record.name());
      out.writeUTF(record.recordId());
      out.writeLong(record.generation());
      writeInstant(out, record.createdAt());
      writeInstant(out, record.updatedAt());
      out.writeBoolean(record.deletionDate() != null);
      if (record.deletionDate() != null) {
        writeInstant(out, record.deletionDate());
      }
      out.writeInt(record.tags().size());
      for (Map.Entry<String, String> tag : record.tags().entrySet()) {
        out.writeUTF(tag.getKey());
        out.writeUTF(tag.getValue());
      }
      out.writeInt(record.versions().size());
      for (VersionEntry version : record.versions()) {
        out.writeUTF(version.id());
        writeInstant(out, version.createdAt());
        out.writeBoolean(version.text());
        if (!version.isInline()) {
          out.writeByte(VERSION_EXTERNAL);
          continue;
        }
        out.writeByte(VERSION_INLINE);
        Sealed value = version.value();
        out.write(value.nonce());
        out.writeInt(value.ciphertext().length);
        out.write(value.ciphertext());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static SecretRecord parseBody(byte[] body, String expectedName, boolean format1) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
      String name = in.readUTF();
      String recordId = in.readUTF();
      long generation = format1 ? 0 : in.readLong();
      Instant createdAt = readInstant(in);
      Instant updatedAt = readInstant(in);
      Instant deletionDate = in.readBoolean() ? readInstant(in) : null;
      int tagCount = count(in);
      Map<String, String> tags = new LinkedHashMap<>();
      for (int i = 0; i < tagCount; i++) {
        tags.put(in.readUTF(), in.readUTF());
      }
      int versionCount = count(in);
      List<VersionEntry> versions = new ArrayList<>(versionCount);
      for (int i = 0; i < versionCount; i++) {
        String id = in.readUTF();
        Instant at = readInstant(in);
        boolean text = in.readBoolean();
        if (!format1) {
          int kind = in.readUnsignedByte();
          if (kind == VERSION_EXTERNAL) {
            versions.add(VersionEntry.external(id, at, text));
            continue;
          }
          if (kind != VERSION_INLINE) {
            throw new IOException("unknown version kind");
          }
        }
        byte[] nonce = in.readNBytes(Aead.NONCE_BYTES);
        byte[] ciphertext = in.readNBytes(count(in));
        versions.add(new VersionEntry(id, at, text, new Sealed(nonce, ciphertext)));
      }
      return new SecretRecord(name, recordId, createdAt, updatedAt, deletionDate, tags, versions, generation);
    } catch (IOException | IllegalArgumentException e) {
      // Authenticated bytes that do not parse: written by a buggy or foreign writer, not by an attacker.
      throw StoreFault.of(FaultKind.INTEGRITY, expectedName, "record body is malformed");
    }
  }

  private static byte[] utf(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) { // a count can never exceed the bytes left
      throw new IOException("bad count");
    }
    return n;
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }
}
