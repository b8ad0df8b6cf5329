package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
