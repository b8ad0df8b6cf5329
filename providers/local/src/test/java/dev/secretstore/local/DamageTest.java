package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.secretstore.DeleteOptions;
import dev.secretstore.SecretIntegrityException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.local.internal.NameCodec;
import dev.secretstore.local.internal.ValueFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("One damaged record stays one damaged record")
class DamageTest {
  private static final SecretName DAMAGED = SecretName.of("db/damaged");
  private static final SecretName HEALTHY = SecretName.of("db/healthy");

  @TempDir
  Path tmp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"truncated to under 16 bytes of ciphertext", "one bit flipped", "foreign content",
      "unreadable (a directory in its place)", "empty"})
  @DisplayName("a damaged record fails only its own reads, with a typed error naming the file; list marks it;"
      + " every other secret stays readable and writable; a forced delete removes it")
  void damagedRecordStaysLocal(String damage) throws Exception {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open()) {
      store.create(DAMAGED, SecretValue.ofText("damaged-canary"));
      store.create(HEALTHY, SecretValue.ofText("healthy"));
    }
    Path record = temp.storeDir.resolve(NameCodec.fileName(DAMAGED.value()));
    damage(record, damage);

    try (SecretStore store = temp.open()) { // a writable open is not stopped by the damage
      assertThatThrownBy(() -> store.read(DAMAGED))
          .isInstanceOfSatisfying(SecretIntegrityException.class,
              e -> assertThat(e.location()).contains(record.toString()))
          .hasMessageContaining(record.toString())
          .hasMessageNotContaining("damaged-canary");
      assertThatThrownBy(() -> store.describe(DAMAGED)).isInstanceOf(SecretIntegrityException.class);

      assertThat(store.read(HEALTHY).value().text()).isEqualTo("healthy");
      store.put(HEALTHY, SecretValue.ofText("healthy-2"));
      store.create(SecretName.of("db/new"), SecretValue.ofText("new"));
      assertThat(store.read(HEALTHY).value().text()).isEqualTo("healthy-2");

      List<SecretMetadata> listed = store.listAll("db/").collect(Collectors.toList());
      assertThat(listed).extracting(m -> m.name().value()).containsExactly("db/damaged", "db/healthy", "db/new");
      assertThat(listed.get(0).integrityProblem()).hasValueSatisfying(p -> assertThat(p).contains(record.toString()));
      assertThat(listed.get(1).integrityProblem()).isEmpty();

      assertThatThrownBy(() -> store.delete(DAMAGED)).as("only a forced delete drops a damaged secret")
          .isInstanceOf(SecretIntegrityException.class);
      store.delete(DAMAGED, DeleteOptions.force());
      assertThat(record).doesNotExist();
      assertThat(ValueFiles.directory(temp.storeDir, DAMAGED.value())).doesNotExist();
      assertThatThrownBy(() -> store.read(DAMAGED)).isInstanceOf(SecretNotFoundException.class);
      assertThat(store.listAll("db/")).extracting(m -> m.name().value()).containsExactly("db/healthy", "db/new");
      store.create(DAMAGED, SecretValue.ofText("again"));
      assertThat(store.read(DAMAGED).value().text()).isEqualTo("again");
    }
  }

  @Test
  @DisplayName("a damaged or missing value file fails that version's read only; metadata and listing still work")
  void damagedValueFile() throws Exception {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open()) {
      store.create(DAMAGED, SecretValue.ofText("one"));
      store.put(DAMAGED, SecretValue.ofText("two"));
      Path[] values;
      try (Stream<Path> files = Files.list(ValueFiles.directory(temp.storeDir, DAMAGED.value()))) {
        values = files.sorted().toArray(Path[]::new);
      }
      byte[] bytes = Files.readAllBytes(values[1]);
      bytes[bytes.length - 1] ^= 1;
      Files.write(values[1], bytes);
      Files.delete(values[0]);

      assertThatThrownBy(() -> store.read(DAMAGED)).isInstanceOf(SecretIntegrityException.class)
          .hasMessageContaining(values[1].toString());
      assertThatThrownBy(() -> store.read(DAMAGED, "1")).isInstanceOf(SecretIntegrityException.class)
          .hasMessageContaining("missing");
      assertThat(store.describe(DAMAGED).version()).contains("2");
      store.put(DAMAGED, SecretValue.ofText("three"));
      assertThat(store.read(DAMAGED).value().text()).isEqualTo("three");
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @DisplayName("a FIFO or a symbolic link where a record or value file belongs is damage to that secret: reads"
      + " and listings report it instead of blocking on the FIFO or following the link")
  void specialFilesInPlaceOfStoreFiles() throws Exception {
    TempStore temp = new TempStore(tmp);
    SecretName fifoValue = SecretName.of("db/fifo-value");
    SecretName linkedValue = SecretName.of("db/linked-value");
    try (SecretStore store = temp.open()) {
      for (SecretName name : List.of(DAMAGED, HEALTHY, fifoValue, linkedValue)) {
        store.create(name, SecretValue.ofText("value of " + name));
      }
    }
    Path record = temp.storeDir.resolve(NameCodec.fileName(DAMAGED.value()));
    Files.delete(record);
    mkfifo(record);
    Path fifo = onlyValueFile(temp, fifoValue);
    Files.delete(fifo);
    mkfifo(fifo);
    Path link = onlyValueFile(temp, linkedValue);
    Path elsewhere = Files.move(link, tmp.resolve("moved-away.val"));
    Files.createSymbolicLink(link, elsewhere);

    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try (SecretStore store = temp.open()) {
        assertThatThrownBy(() -> store.read(DAMAGED)).isInstanceOf(SecretIntegrityException.class)
            .hasMessageContaining(record.toString()).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> store.read(fifoValue)).isInstanceOf(SecretIntegrityException.class)
            .hasMessageContaining(fifo.toString()).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> store.read(linkedValue)).isInstanceOf(SecretIntegrityException.class)
            .hasMessageContaining(link.toString()).hasMessageContaining("not a regular file");
        assertThat(store.read(HEALTHY).value().text()).isEqualTo("value of db/healthy");
        List<SecretMetadata> listed = store.listAll("db/").collect(Collectors.toList());
        assertThat(listed).extracting(m -> m.name().value())
            .containsExactly("db/damaged", "db/fifo-value", "db/healthy", "db/linked-value");
        assertThat(listed.get(0).integrityProblem()).hasValueSatisfying(p -> assertThat(p).contains("not a regular"));
        store.delete(DAMAGED, DeleteOptions.force());
        assertThat(record).doesNotExist();
      }
    });
  }

  @Test
  @DisplayName("with no index to name it, a record whose header is unreadable is still listed, as damaged: by a"
      + " writable open that rebuilds the index, and by a read-only store that scans the records")
  void unreadableHeaderWithoutIndex() throws Exception {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open()) {
      store.create(DAMAGED, SecretValue.ofText("damaged-canary"));
      store.create(HEALTHY, SecretValue.ofText("healthy"));
    }
    Path record = temp.storeDir.resolve(NameCodec.fileName(DAMAGED.value()));
    Files.write(record, "not a record at all".getBytes(StandardCharsets.UTF_8));
    deleteIndex(temp);

    try (SecretStore readOnly = temp.open(temp.readOnlyConfig())) {
      assertThat(readOnly.listAll(null)).extracting(m -> m.name().value() + " " + m.integrityProblem().isPresent())
          .containsExactly("db/damaged true", "db/healthy false");
    }
    try (SecretStore store = temp.open()) {
      assertThat(temp.storeDir.resolve(".index")).as("rebuilt by the writable open").isDirectory();
      assertThat(store.listAll(null)).extracting(m -> m.name().value() + " " + m.integrityProblem().isPresent())
          .containsExactly("db/damaged true", "db/healthy false");
      assertThatThrownBy(() -> store.read(DAMAGED)).isInstanceOf(SecretIntegrityException.class)
          .hasMessageContaining(record.toString());
      store.delete(DAMAGED, DeleteOptions.force());
      assertThat(store.listAll(null)).extracting(m -> m.name().value()).containsExactly("db/healthy");
    }
  }

  @Test
  @DisplayName("a record replaced by an older copy of itself is reported as rolled back, and listed as damaged")
  void rolledBackRecord() throws Exception {
    TempStore temp = new TempStore(tmp);
    Path record = temp.storeDir.resolve(NameCodec.fileName(DAMAGED.value()));
    byte[] old;
    try (SecretStore store = temp.open()) {
      store.create(DAMAGED, SecretValue.ofText("one"));
      old = Files.readAllBytes(record);
      store.put(DAMAGED, SecretValue.ofText("two"));
    }
    Files.write(record, old);
    try (SecretStore store = temp.open()) {
      assertThatThrownBy(() -> store.read(DAMAGED)).isInstanceOf(SecretIntegrityException.class)
          .hasMessageContaining("older copy");
      assertThat(store.listAll(null)).singleElement()
          .satisfies(m -> assertThat(m.integrityProblem()).hasValueSatisfying(p -> assertThat(p).contains("older")));
    }
  }

  @Test
  @DisplayName("a deleted secret's record put back from a backup is reported as rolled back, not resurrected")
  void deletedRecordPutBack() throws Exception {
    TempStore temp = new TempStore(tmp);
    Path record = temp.storeDir.resolve(NameCodec.fileName(DAMAGED.value()));
    try (SecretStore store = temp.open()) {
      store.create(DAMAGED, SecretValue.ofText("one"));
      byte[] old = Files.readAllBytes(record);
      store.delete(DAMAGED, DeleteOptions.force());
      Files.write(record, old);
      assertThatThrownBy(() -> store.read(DAMAGED)).isInstanceOf(SecretIntegrityException.class);
    }
  }

  @Test
  @DisplayName("opening a store never deletes files it did not create, only its own temporary files")
  void openDeletesOnlyItsOwnFiles() throws Exception {
    TempStore temp = new TempStore(tmp);
    temp.open().close();
    Path tempDir = temp.storeDir.resolve(".tmp");
    Files.createDirectories(tempDir);
    List<Path> foreign = List.of(temp.storeDir.resolve(".tmp-user-notes"), temp.storeDir.resolve("notes.txt"),
        tempDir.resolve("keep-me.txt"), tempDir.resolve(".tmp-notours"), temp.storeDir.resolve("x.rec.bak"));
    for (Path file : foreign) {
      Files.writeString(file, "mine");
    }
    Path ours = tempDir.resolve(".tmp-0123456789abcdef");
    Files.writeString(ours, "left by a killed writer");

    temp.open().close();

    assertThat(foreign).allSatisfy(f -> assertThat(f).exists());
    assertThat(ours).doesNotExist();
  }

  private static void mkfifo(Path path) throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    assumeTrue(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");
  }

  private static Path onlyValueFile(TempStore temp, SecretName name) throws Exception {
    try (Stream<Path> files = Files.list(ValueFiles.directory(temp.storeDir, name.value()))) {
      return files.collect(Collectors.toList()).get(0);
    }
  }

  private static void deleteIndex(TempStore temp) throws Exception {
    try (Stream<Path> files = Files.walk(temp.storeDir.resolve(".index"))) {
      for (Path file : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    }
  }

  private static void damage(Path record, String how) throws Exception {
    byte[] bytes = Files.readAllBytes(record);
    switch (how) {
      case "truncated to under 16 bytes of ciphertext" -> {
        int header = 4 + 1 + 2 + "db/damaged".length() + 12;
        Files.write(record, Arrays.copyOf(bytes, header + 5));
      }
      case "one bit flipped" -> {
        bytes[bytes.length - 20] ^= 0x10;
        Files.write(record, bytes);
      }
      case "foreign content" -> Files.write(record, "not a record at all".getBytes(StandardCharsets.UTF_8));
      case "unreadable (a directory in its place)" -> {
        Files.delete(record);
        Files.createDirectory(record);
      }
      case "empty" -> Files.write(record, new byte[0]);
      default -> throw new IllegalArgumentException(how);
    }
  }
}
