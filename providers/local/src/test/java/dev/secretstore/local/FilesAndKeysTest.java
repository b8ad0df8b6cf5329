package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.secretstore.AccessDeniedException;
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
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Key files and store directories: private, owned, exactly formatted, never through links")
@EnabledOnOs({OS.LINUX, OS.MAC})
class FilesAndKeysTest {
  @TempDir
  Path tmp;

  @Test
  @DisplayName("a key file other users can read is refused, naming the file and mode; the override only warns")
  void keyFileReadableByOthers() throws Exception {
    TempStore temp = new TempStore(tmp);
    temp.open().close();
    String key = Files.readString(temp.keyFile).strip();
    Files.setPosixFilePermissions(temp.keyFile, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(temp::open).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining(temp.keyFile.toString()).hasMessageContaining("rw-r--r--")
        .hasMessageContaining("chmod 600").hasMessageNotContaining(key);
    try (SecretStore store = temp.open(withOverride(temp.config()))) {
      store.create(SecretName.of("a"), SecretValue.ofText("v"));
    }
  }

  @Test
  @DisplayName("a store directory other users can read or write is refused; the override only warns")
  void storeDirectoryOpenToOthers() throws Exception {
    TempStore temp = new TempStore(tmp);
    temp.open().close();
    Files.setPosixFilePermissions(temp.storeDir, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThatThrownBy(temp::open).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining(temp.storeDir.toString()).hasMessageContaining("chmod 700");
    assertThatThrownBy(() -> temp.open(temp.readOnlyConfig())).isInstanceOf(AccessDeniedException.class);
    temp.open(withOverride(temp.config())).close();
  }

  @Test
  @DisplayName("a key file owned by another user is refused (checked when running as root, which can chown)")
  void keyFileOwnedByAnotherUser() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to give the file to another user");
    TempStore temp = new TempStore(tmp);
    temp.open().close();
    Files.setOwner(temp.keyFile, temp.keyFile.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName("nobody"));

    assertThatThrownBy(temp::open).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("owned by another user (nobody)");
  }

  @Test
  @DisplayName("a key file must hold exactly one line of base64 of 32 bytes: a 32-character text file or raw bytes are refused")
  void keyFileFormatIsExact() throws Exception {
    TempStore temp = new TempStore(tmp);
    Files.createDirectories(temp.keyFile.getParent());
    String password = "correct-horse-battery-staple-32c";
    assertThat(password).hasSize(32);
    TempStore.writePrivate(temp.keyFile, password);
    assertThatThrownBy(temp::open).isInstanceOf(AuthenticationFailedException.class)
        .hasMessageContaining("does not hold a secretstore key").hasMessageNotContaining(password);

    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    Files.write(temp.keyFile, raw);
    assertThatThrownBy(temp::open).isInstanceOf(AuthenticationFailedException.class);

    String base64 = Base64.getEncoder().encodeToString(raw);
    TempStore.writePrivate(temp.keyFile, base64 + "\n\n");
    assertThatThrownBy(temp::open).as("one newline at most").isInstanceOf(AuthenticationFailedException.class);
    TempStore.writePrivate(temp.keyFile, base64 + "\n");
    temp.open().close();
  }

  @Test
  @DisplayName("a key pasted into keyFile is a config problem that never quotes it, and no file is named after it")
  void keyPastedIntoKeyFile() throws Exception {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    String key = Base64.getEncoder().encodeToString(raw);
    TempStore temp = new TempStore(tmp);
    Map<String, Object> config = new HashMap<>(temp.config());
    config.put("keyFile", key);

    assertThatThrownBy(() -> temp.open(config)).isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("keyFile").hasMessageContaining("not the key itself").hasMessageNotContaining(key);
    try (Stream<Path> all = Files.walk(tmp)) {
      assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(key.substring(0, 10)));
    }
  }

  @Test
  @DisplayName("a symbolic link in place of the lock file is never followed")
  void symlinkedLockFile() throws Exception {
    TempStore temp = new TempStore(tmp);
    temp.open().close();
    Path lock = temp.storeDir.resolve(".lock");
    Files.delete(lock);
    Path target = tmp.resolve("elsewhere");
    Files.createSymbolicLink(lock, target);

    assertThatThrownBy(temp::open).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("symbolic link");
    assertThat(target).as("the link's target is never created").doesNotExist();
  }

  private static Map<String, Object> withOverride(Map<String, Object> config) {
    Map<String, Object> copy = new HashMap<>(config);
    copy.put("allowInsecurePermissions", true);
    return copy;
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
