package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.SecretIntegrityException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.local.internal.CrashPoint;
import dev.secretstore.local.internal.NameCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store keeps its index snapshot mapped between reads and re-reads it only when the file changes. These
 * tests warm that cache first, then change the index from elsewhere (another store instance, another
 * process, a damaged file) and check reads, listings and the rollback check follow the files, not the cache.
 */
@DisplayName("The index a store keeps between reads follows every change to the index files")
class IndexCacheTest {
  private static final SecretName FIRST = SecretName.of("db/first");

  @TempDir
  Path tmp;

  @AfterEach
  void compactAsUsual() {
    CrashPoint.compactIndexAsUsual();
  }

  @Test
  @DisplayName("another store instance's writes and compactions reach a store that already read the index")
  void anotherInstanceWrites() throws Exception {
    TempStore temp = new TempStore(tmp);
    Path record = temp.storeDir.resolve(NameCodec.fileName(FIRST.value()));
    try (SecretStore writer = temp.open(); SecretStore reader = temp.open()) {
      writer.create(FIRST, SecretValue.ofText("one"));
      assertThat(names(reader)).containsExactly(FIRST.value());
      assertThat(reader.read(FIRST).value().text()).isEqualTo("one");
      byte[] old = Files.readAllBytes(record);
      Object snapshotBefore = snapshotKey(temp);

      CrashPoint.compactIndexEvery(3); // a write appends two log entries: compactions land between them
      for (int i = 2; i <= 6; i++) {
        writer.create(SecretName.of("db/s" + i), SecretValue.ofText("v" + i));
      }
      writer.put(FIRST, SecretValue.ofText("two"));
      writer.put(FIRST, SecretValue.ofText("three"));
      assertThat(snapshotKey(temp)).as("precondition: the writer replaced the snapshot").isNotEqualTo(snapshotBefore);

      assertThat(names(reader)).containsExactly("db/first", "db/s2", "db/s3", "db/s4", "db/s5", "db/s6");
      assertThat(reader.read(FIRST).value().text()).isEqualTo("three");
      Files.write(record, old);
      assertThatThrownBy(() -> reader.read(FIRST)).isInstanceOf(SecretIntegrityException.class)
          .hasMessageContaining("older copy");
    }
  }

  @Test
  @DisplayName("another process's writes and compactions reach a store that already read the index")
  void anotherProcessWrites() throws Exception {
    TempStore temp = new TempStore(tmp);
    Path record = temp.storeDir.resolve(NameCodec.fileName(FIRST.value()));
    try (SecretStore store = temp.open()) {
      store.create(FIRST, SecretValue.ofText("one"));
      assertThat(store.read(FIRST).value().text()).isEqualTo("one");
      byte[] old = Files.readAllBytes(record);
      Object snapshotBefore = snapshotKey(temp);
      int versions = 6;
      try (ChildProcess child = ChildProcess.start(tmp.resolve("child.err"), "append", temp.storeDir.toString(),
          temp.keyFile.toString(), FIRST.value(), Integer.toString(versions), "3")) {
        assertThat(child.readLine()).isEqualTo("ready");
        child.send("go");
        assertThat(child.readLine()).as("the child finished (see child.err if not)").isEqualTo("done");
        assertThat(child.waitFor(30)).isZero();
      }
      assertThat(snapshotKey(temp)).as("precondition: the child replaced the snapshot").isNotEqualTo(snapshotBefore);

      assertThat(store.describe(FIRST).version()).contains(Integer.toString(1 + versions));
      assertThat(store.read(FIRST).value().text()).endsWith("-" + (versions - 1));
      Files.write(record, old);
      assertThatThrownBy(() -> store.read(FIRST)).as("the rollback check uses the child's generation")
          .isInstanceOf(SecretIntegrityException.class).hasMessageContaining("older copy");
    }
  }

  @Test
  @DisplayName("a snapshot damaged while mapped: reads and listings fall back to the records; a writable open"
      + " rebuilds it")
  void snapshotDamagedWhileCached() throws Exception {
    TempStore temp = new TempStore(tmp);
    SecretName second = SecretName.of("db/second");
    Path snapshot = temp.storeDir.resolve(".index/snapshot");
    try (SecretStore store = temp.open()) {
      store.create(FIRST, SecretValue.ofText("one"));
      store.create(second, SecretValue.ofText("two"));
      assertThat(store.read(FIRST).value().text()).isEqualTo("one");

      Files.writeString(snapshot, "not an index snapshot", StandardCharsets.US_ASCII); // in place, same file

      assertThat(store.read(FIRST).value().text()).isEqualTo("one");
      assertThat(store.read(second).value().text()).isEqualTo("two");
      assertThat(names(store)).containsExactly("db/first", "db/second");
    }
    try (SecretStore reopened = temp.open()) {
      assertThat(Files.readString(snapshot, StandardCharsets.ISO_8859_1)).as("rebuilt from the records")
          .startsWith("SSLS");
      assertThat(names(reopened)).containsExactly("db/first", "db/second");
      reopened.put(FIRST, SecretValue.ofText("uno"));
      assertThat(reopened.read(FIRST).value().text()).isEqualTo("uno");
    }
  }

  @Test
  @DisplayName("a bit flipped in a snapshot entry while mapped: reads, listings and writes go on from the"
      + " records, and the index is rebuilt")
  void snapshotEntryFlippedWhileCached() throws Exception {
    TempStore temp = new TempStore(tmp);
    SecretName second = SecretName.of("db/second");
    Path snapshot = temp.storeDir.resolve(".index/snapshot");
    try (SecretStore store = temp.open()) {
      store.create(FIRST, SecretValue.ofText("one"));
      store.create(second, SecretValue.ofText("two"));
    }
    try (SecretStore store = temp.open()) { // reopened: both names are in the snapshot now
      CrashPoint.compactIndexEvery(2);
      store.put(FIRST, SecretValue.ofText("uno"));
      CrashPoint.compactIndexAsUsual();
      assertThat(store.read(FIRST).value().text()).isEqualTo("uno");

      byte[] bytes = Files.readAllBytes(snapshot);
      int at = indexOf(bytes, "db/second".getBytes(StandardCharsets.US_ASCII));
      assertThat(at).as("precondition: the snapshot holds the name").isPositive();
      try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(snapshot.toFile(), "rw")) {
        file.seek(at + 3);
        file.write(bytes[at + 3] ^ 0x01); // in place: the mapping sees it
      }

      assertThat(store.read(second).value().text()).isEqualTo("two");
      try (SecretStore readOnly = temp.open(temp.readOnlyConfig())) {
        assertThat(names(readOnly)).as("a read-only store lists from the records").containsExactly("db/first",
            "db/second");
      }
      assertThat(indexOf(Files.readAllBytes(snapshot), "db/second".getBytes(StandardCharsets.US_ASCII)))
          .as("precondition: still damaged").isNegative();
      assertThat(names(store)).containsExactly("db/first", "db/second");
      assertThat(indexOf(Files.readAllBytes(snapshot), "db/second".getBytes(StandardCharsets.US_ASCII)))
          .as("a writable store's listing rebuilt the index from the records").isPositive();
      CrashPoint.compactIndexEvery(2);
      store.put(second, SecretValue.ofText("dos"));
      store.put(FIRST, SecretValue.ofText("tres"));
      assertThat(store.read(second).value().text()).isEqualTo("dos");
      assertThat(names(store)).containsExactly("db/first", "db/second");
    }
  }

  @Test
  @DisplayName("a bit flipped in a snapshot entry: the write whose compaction meets it rebuilds the index from"
      + " the records and succeeds")
  void snapshotEntryFlippedThenWritten() throws Exception {
    TempStore temp = new TempStore(tmp);
    SecretName second = SecretName.of("db/second");
    Path snapshot = temp.storeDir.resolve(".index/snapshot");
    byte[] name = "db/second".getBytes(StandardCharsets.US_ASCII);
    try (SecretStore store = temp.open()) {
      store.create(FIRST, SecretValue.ofText("one"));
      store.create(second, SecretValue.ofText("two"));
      CrashPoint.compactIndexEvery(2);
      store.put(FIRST, SecretValue.ofText("one again")); // compacts: both names move into the snapshot
      CrashPoint.compactIndexAsUsual();
    }
    try (SecretStore store = temp.open()) {
      byte[] bytes = Files.readAllBytes(snapshot);
      int at = indexOf(bytes, name);
      assertThat(at).as("precondition: the snapshot holds the name").isPositive();
      try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(snapshot.toFile(), "rw")) {
        file.seek(at + 3);
        file.write(bytes[at + 3] ^ 0x01);
      }

      CrashPoint.compactIndexEvery(2); // the first put's SET makes two entries: it compacts, over the damage
      store.put(FIRST, SecretValue.ofText("uno"));
      store.put(second, SecretValue.ofText("dos"));

      assertThat(indexOf(Files.readAllBytes(snapshot), name)).as("rebuilt from the records").isPositive();
      assertThat(store.read(FIRST).value().text()).isEqualTo("uno");
      assertThat(store.read(second).value().text()).isEqualTo("dos");
      assertThat(names(store)).containsExactly("db/first", "db/second");
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static List<String> names(SecretStore store) {
    return store.listAll(null).map(SecretMetadata::name).map(SecretName::value).collect(Collectors.toList());
  }

  private static Object snapshotKey(TempStore temp) throws java.io.IOException {
    return Files.readAttributes(temp.storeDir.resolve(".index/snapshot"), BasicFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS).fileKey();
  }
}
