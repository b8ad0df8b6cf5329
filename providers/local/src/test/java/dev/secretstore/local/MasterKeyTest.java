package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The master key: created safely, taken from a file or the environment, and checked")
class MasterKeyTest {
  @TempDir
  Path tmp;

  @Test
  @DisplayName("with no config, a random key is created at ~/.secretstore/master.key with mode 0600")
  void defaultKeyIsCreatedOwnerOnly() throws Exception {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open(Map.of())) {
      store.create(SecretName.of("first"), SecretValue.ofText("kept"));
    }
    Path key = temp.home.resolve(".secretstore/master.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.home.resolve(".secretstore/store"))))
        .isEqualTo("rwx------");
    assertThat(Base64.getDecoder().decode(Files.readString(key).strip())).hasSize(32);
    try (Stream<Path> files = Files.list(key.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("master.key", "store");
    }
    byte[] before = Files.readAllBytes(key);
    try (SecretStore again = temp.open(Map.of())) {
      assertThat(again.read(SecretName.of("first")).value().text()).isEqualTo("kept");
    }
    assertThat(Files.readAllBytes(key)).as("the key is created once, then reused").isEqualTo(before);
  }

  @Test
  @DisplayName("a configured key file that does not exist yet is created for a new store, mode 0600")
  void configuredKeyFileIsCreated() throws Exception {
    TempStore temp = new TempStore(tmp);
    temp.open().close();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.keyFile))).isEqualTo("rw-------");
  }

  @Test
  @DisplayName("keyEnv takes the base64 key from the environment and writes no key file")
  void keyFromEnvironment() {
    TempStore temp = new TempStore(tmp);
    temp.environment.put("LOCAL_STORE_KEY", randomKeyText());
    Map<String, Object> config = Map.of("path", temp.storeDir.toString(), "keyEnv", "LOCAL_STORE_KEY");
    try (SecretStore store = temp.open(config)) {
      store.create(SecretName.of("from/env"), SecretValue.ofText("v"));
    }
    try (SecretStore store = temp.open(config)) {
      assertThat(store.read(SecretName.of("from/env")).value().text()).isEqualTo("v");
    }
    assertThat(temp.home.resolve(".secretstore/master.key")).doesNotExist();
  }

  @Test
  @DisplayName("an unset keyEnv variable is an authentication error naming the variable")
  void unsetKeyVariable() {
    TempStore temp = new TempStore(tmp);
    assertThatThrownBy(() -> temp.open(Map.of("path", temp.storeDir.toString(), "keyEnv", "NOT_SET_ANYWHERE")))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageContaining("NOT_SET_ANYWHERE");
  }

  @Test
  @DisplayName("a key pasted into keyEnv instead of a variable name is a config problem that never quotes it")
  void keyPastedIntoKeyEnvIsNotEchoed() {
    TempStore temp = new TempStore(tmp);
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    raw[0] = 'k'; // a lower-case letter in the text form, as almost every random key has
    String padded = Base64.getEncoder().encodeToString(raw);
    String unpadded = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    for (String pasted : List.of(padded, unpadded, "db password")) {
      Map<String, Object> config = Map.of("path", temp.storeDir.toString(), "keyEnv", pasted);
      assertThatThrownBy(() -> temp.open(config))
          .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(p -> {
              assertThat(p.field()).isEqualTo("keyEnv");
              assertThat(p.message()).startsWith("expected the name of an environment variable");
            });
            assertThat(e.getMessage()).doesNotContain(pasted);
          });
    }
    assertThat(temp.storeDir).as("nothing created for a refused config").doesNotExist();
  }

  @Test
  @DisplayName("keyFile and keyEnv together are a config problem on keyEnv")
  void keyFileAndKeyEnvAreExclusive() {
    TempStore temp = new TempStore(tmp);
    Map<String, Object> config = Map.of("path", temp.storeDir.toString(), "keyFile", temp.keyFile.toString(),
        "keyEnv", "K");
    assertThatThrownBy(() -> temp.open(config))
        .isInstanceOfSatisfying(InvalidConfigException.class,
            e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("keyEnv")));
  }

  @Test
  @DisplayName("a wrong key is an authentication error at open, naming neither key")
  void wrongKeyIsAuthenticationFailure() throws Exception {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open()) {
      store.create(SecretName.of("db/password"), SecretValue.ofText("v"));
    }
    String rightKey = Files.readString(temp.keyFile).strip();
    String wrongKey = randomKeyText();

    Path wrongFile = tmp.resolve("wrong.key");
    TempStore.writePrivate(wrongFile, wrongKey);
    Map<String, Object> viaFile = Map.of("path", temp.storeDir.toString(), "keyFile", wrongFile.toString());
    assertThatThrownBy(() -> temp.open(viaFile))
        .isInstanceOfSatisfying(AuthenticationFailedException.class, e -> {
          assertThat(e.getMessage()).doesNotContain(rightKey).doesNotContain(wrongKey);
          assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("key"));
        });

    temp.environment.put("WRONG_KEY", wrongKey);
    assertThatThrownBy(() -> temp.open(Map.of("path", temp.storeDir.toString(), "keyEnv", "WRONG_KEY")))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageNotContaining(wrongKey);
    assertThatThrownBy(() -> temp.open(Map.of("path", temp.storeDir.toString(), "keyEnv", "WRONG_KEY",
        "readOnly", true))).isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  @DisplayName("without its key-check record, a store still tells a wrong key from the right one")
  void wrongKeyDetectedWithoutKeyCheck() throws Exception {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open()) {
      store.create(SecretName.of("db/password"), SecretValue.ofText("v"));
    }
    Path keyCheck = temp.storeDir.resolve(dev.secretstore.local.internal.KeyCheck.FILE_NAME);
    Files.delete(keyCheck);
    Path wrongFile = tmp.resolve("wrong.key");
    TempStore.writePrivate(wrongFile, randomKeyText());
    assertThatThrownBy(() -> temp.open(Map.of("path", temp.storeDir.toString(), "keyFile", wrongFile.toString())))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThat(keyCheck).as("a wrong key never writes a key-check record").doesNotExist();
    try (SecretStore store = temp.open()) {
      assertThat(store.read(SecretName.of("db/password")).value().text()).isEqualTo("v");
    }
    assertThat(keyCheck).exists();
  }

  @Test
  @DisplayName("a store whose key file is gone is an authentication error, and no new key is made")
  void missingKeyForExistingStore() throws Exception {
    TempStore temp = new TempStore(tmp);
    temp.open().close();
    Files.delete(temp.keyFile);
    assertThatThrownBy(temp::open).isInstanceOf(AuthenticationFailedException.class);
    assertThat(temp.keyFile).doesNotExist();
  }

  @Test
  @DisplayName("a key file that holds no 256-bit base64 key is an authentication error that quotes nothing")
  void malformedKeyFile() throws Exception {
    TempStore temp = new TempStore(tmp);
    Files.createDirectories(temp.keyFile.getParent());
    TempStore.writePrivate(temp.keyFile, "c2hvcnQta2V5LXRleHQ=");
    assertThatThrownBy(temp::open)
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageNotContaining("c2hvcnQta2V5LXRleHQ=");
  }

  private static String randomKeyText() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new String(Base64.getEncoder().encode(key), StandardCharsets.US_ASCII);
  }
}
