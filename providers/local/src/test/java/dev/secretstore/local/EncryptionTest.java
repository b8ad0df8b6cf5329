package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.SecretIntegrityException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.local.internal.Aead;
import dev.secretstore.local.internal.FaultKind;
import dev.secretstore.local.internal.KeyFiles;
import dev.secretstore.local.internal.MasterKey;
import dev.secretstore.local.internal.NameCodec;
import dev.secretstore.local.internal.RecordCodec;
import dev.secretstore.local.internal.Sealed;
import dev.secretstore.local.internal.SecretRecord;
import dev.secretstore.local.internal.StoreFault;
import dev.secretstore.local.internal.ValueFiles;
import dev.secretstore.local.internal.VersionEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Values are sealed with AES-256-GCM and bound to their name and version")
class EncryptionTest {
  @TempDir
  Path tmp;

  private final SecureRandom random = new SecureRandom();

  @Test
  @DisplayName("every seal draws a fresh 96-bit nonce")
  void freshNoncePerSeal() {
    Aead aead = new Aead(randomKey(), random);
    byte[] plaintext = "same".getBytes(StandardCharsets.UTF_8);
    Sealed first = aead.seal(plaintext, new byte[0]);
    Sealed second = aead.seal(plaintext, new byte[0]);
    assertThat(first.nonce()).hasSize(12);
    assertThat(first.nonce()).isNotEqualTo(second.nonce());
    assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    assertThat(first.ciphertext()).hasSize(plaintext.length + 16); // GCM tag, no padding
  }

  @Test
  @DisplayName("a sealed value opens only under its own name, record and version")
  void associatedDataBindsNameAndVersion() {
    RecordCodec codec = new RecordCodec(new Aead(randomKey(), random));
    byte[] value = "s3cr3t".getBytes(StandardCharsets.UTF_8);
    Sealed sealed = codec.sealValue("db/a", "rid", "1", value);

    assertThat(codec.openValue(record("db/a", "rid", "1", sealed), entry("1", sealed))).isEqualTo(value);
    assertIntegrityFailure(() -> codec.openValue(record("db/b", "rid", "1", sealed), entry("1", sealed)));
    assertIntegrityFailure(() -> codec.openValue(record("db/a", "rid", "2", sealed), entry("2", sealed)));
    assertIntegrityFailure(() -> codec.openValue(record("db/a", "other", "1", sealed), entry("1", sealed)));
  }

  @Test
  @DisplayName("a record file copied over another secret's file fails to decrypt")
  void recordFileMovedToAnotherNameFails() throws Exception {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open()) {
      store.create(SecretName.of("db/a"), SecretValue.ofText("value-of-a"));
      store.create(SecretName.of("db/b"), SecretValue.ofText("value-of-b"));
      Files.copy(file(temp, "db/a"), file(temp, "db/b"), StandardCopyOption.REPLACE_EXISTING);

      assertThatThrownBy(() -> store.read(SecretName.of("db/b")))
          .isInstanceOf(SecretStoreException.class)
          .isNotInstanceOf(SecretNotFoundException.class)
          .hasMessageContaining("integrity")
          .hasMessageNotContaining("value-of-a");
      assertThat(store.read(SecretName.of("db/a")).value().text()).isEqualTo("value-of-a");
      assertThat(store.listAll("db/")).as("a file claiming another name's record is listed as damaged")
          .extracting(m -> m.name().value(), m -> m.integrityProblem().isPresent())
          .containsExactly(org.assertj.core.groups.Tuple.tuple("db/a", false),
              org.assertj.core.groups.Tuple.tuple("db/b", true));
    }
  }

  @Test
  @DisplayName("version ciphertexts swapped inside a record, or moved into another record, fail to decrypt")
  void versionCiphertextsMovedFail() throws Exception {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open()) {
      SecretName a = SecretName.of("db/a");
      SecretName b = SecretName.of("db/b");
      store.create(a, SecretValue.ofText("one"));
      store.put(a, SecretValue.ofText("two"));
      store.create(b, SecretValue.ofText("bee"));
      Path[] valuesOfA = valueFiles(temp, "db/a");
      Path[] valuesOfB = valueFiles(temp, "db/b");
      assertThat(valuesOfA).hasSize(2);
      byte[] one = Files.readAllBytes(valuesOfA[0]);
      byte[] two = Files.readAllBytes(valuesOfA[1]);
      Files.write(valuesOfA[0], two);
      Files.write(valuesOfA[1], one);
      assertThatThrownBy(() -> store.read(a, "1")).isInstanceOf(SecretIntegrityException.class)
          .hasMessageContaining(valuesOfA[0].toString());
      assertThatThrownBy(() -> store.read(a, "2")).isInstanceOf(SecretIntegrityException.class);

      Files.write(valuesOfB[0], one);
      assertThatThrownBy(() -> store.read(b)).isInstanceOf(SecretIntegrityException.class)
          .hasMessageNotContaining("one");
    }
  }

  private static Path[] valueFiles(TempStore temp, String name) throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = Files.list(ValueFiles.directory(temp.storeDir, name))) {
      return files.sorted().toArray(Path[]::new);
    }
  }

  @Test
  @DisplayName("record files hold no value, tag or name of a tag in the clear")
  void recordFilesAreOpaque() throws Exception {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open()) {
      store.create(SecretName.of("db/a"), SecretValue.ofText("canary-7f3a9c"), Map.of("team", "payments-squad"));
    }
    String content = new String(Files.readAllBytes(file(temp, "db/a")), StandardCharsets.ISO_8859_1);
    assertThat(content).doesNotContain("canary-7f3a9c").doesNotContain("payments-squad").doesNotContain("AirbyteManaged");
  }

  private static Path file(TempStore temp, String name) {
    return temp.storeDir.resolve(NameCodec.fileName(name));
  }

  private static SecretRecord record(String name, String recordId, String versionId, Sealed sealed) {
    Instant now = Instant.now();
    return new SecretRecord(name, recordId, now, now, null, Map.of(), List.of(entry(versionId, sealed)));
  }

  private static VersionEntry entry(String id, Sealed sealed) {
    return new VersionEntry(id, Instant.now(), false, sealed);
  }

  private MasterKey randomKey() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return MasterKey.ofBytes(bytes);
  }

  private static void assertIntegrityFailure(Runnable action) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(StoreFault.class, f -> assertThat(f.kind()).isEqualTo(FaultKind.INTEGRITY));
  }
}
