package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.local.internal.Aead;
import dev.secretstore.local.internal.AssociatedData;
import dev.secretstore.local.internal.KeyFiles;
import dev.secretstore.local.internal.NameCodec;
import dev.secretstore.local.internal.Sealed;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A store written by the previous version (format 1 records, no index) opens, reads, lists and grows")
class FormatOneCompatibilityTest {
  @TempDir
  Path tmp;

  @Test
  void formatOneStore() throws Exception {
    TempStore temp = new TempStore(tmp);
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    Files.createDirectories(temp.keyFile.getParent());
    TempStore.writePrivate(temp.keyFile, Base64.getEncoder().encodeToString(raw) + "\n");
    Files.createDirectories(temp.storeDir); // the previous version also made its store directory 0700
    Files.setPosixFilePermissions(temp.storeDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Aead aead = new Aead(KeyFiles.read(temp.keyFile).orElseThrow(), new SecureRandom());
    Files.write(temp.storeDir.resolve(NameCodec.fileName("db/old")), formatOneRecord(aead, "db/old", "old-value"));

    try (SecretStore store = temp.open()) {
      assertThat(store.read(SecretName.of("db/old")).value().text()).isEqualTo("old-value");
      assertThat(store.listAll(null)).extracting(m -> m.name().value()).containsExactly("db/old");
      store.put(SecretName.of("db/old"), SecretValue.ofText("new-value"));
      assertThat(store.read(SecretName.of("db/old")).value().text()).isEqualTo("new-value");
      assertThat(store.read(SecretName.of("db/old"), "1").value().text()).isEqualTo("old-value");
    }
    assertThat(temp.storeDir.resolve(".index")).isDirectory();
  }

  /** The previous version's record layout, written here byte by byte (its encoder is gone). */
  private static byte[] formatOneRecord(Aead aead, String name, String value) throws Exception {
    String recordId = "0123456789abcdef0123456789abcdef";
    Sealed sealedValue = aead.seal(value.getBytes(StandardCharsets.UTF_8), AssociatedData.value(name, recordId, "1"));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(body)) {
      out.writeUTF(name);
      out.writeUTF(recordId);
      for (int i = 0; i < 2; i++) { // created, updated
        out.writeLong(1_700_000_000L);
        out.writeInt(0);
      }
      out.writeBoolean(false); // not deleted
      out.writeInt(1);
      out.writeUTF("AirbyteManaged");
      out.writeUTF("true");
      out.writeInt(1);
      out.writeUTF("1");
      out.writeLong(1_700_000_000L);
      out.writeInt(0);
      out.writeBoolean(true);
      out.write(sealedValue.nonce());
      out.writeInt(sealedValue.ciphertext().length);
      out.write(sealedValue.ciphertext());
    }
    Sealed envelope = aead.seal(body.toByteArray(), AssociatedData.record(name));
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(file)) {
      out.write("SSLR".getBytes(StandardCharsets.US_ASCII));
      out.write(1);
      out.writeUTF(name);
      out.write(envelope.nonce());
      out.write(envelope.ciphertext());
    }
    return file.toByteArray();
  }
}
