package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
      assertThat(store.listAll("db/")).as("a file claiming another name's record is not listed")
          .extracting(m -> m.name().value()).containsExactly("db/a");
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
      RecordCodec codec = new RecordCodec(new Aead(KeyFiles.read(temp.keyFile).orElseThrow(), random));

      SecretRecord recordA = codec.decode(Files.readAllBytes(file(temp, "db/a")), "db/a");
      VersionEntry v1 = recordA.versions().get(0);
      VersionEntry v2 = recordA.versions().get(1);
      SecretRecord swapped = withVersions(recordA, List.of(
          new VersionEntry("1", v1.createdAt(), true, v2.value()),
          new VersionEntry("2", v2.createdAt(), true, v1.value())));
      Files.write(file(temp, "db/a"), codec.encode(swapped));
      assertThatThrownBy(() -> store.read(a, "1")).hasMessageContaining("integrity");
      assertThatThrownBy(() -> store.read(a, "2")).hasMessageContaining("integrity");

      SecretRecord recordB = codec.decode(Files.readAllBytes(file(temp, "db/b")), "db/b");
      SecretRecord planted = withVersions(recordB, List.of(new VersionEntry("1", v1.createdAt(), true, v1.value())));
      Files.write(file(temp, "db/b"), codec.encode(planted));
      assertThatThrownBy(() -> store.read(b)).hasMessageContaining("integrity").hasMessageNotContaining("one");
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

  private static SecretRecord withVersions(SecretRecord r, List<VersionEntry> versions) {
    return new SecretRecord(r.name(), r.recordId(), r.createdAt(), r.updatedAt(), r.deletionDate(), r.tags(), versions);
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
