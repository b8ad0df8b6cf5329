package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.local.internal.NameCodec;
import dev.secretstore.local.internal.ValueFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Versions and tags")
class VersionsAndTagsTest {
  @TempDir
  Path tmp;

  @Test
  @DisplayName("each put adds a version; the latest or any given version can be read")
  void versions() {
    try (SecretStore store = new TempStore(tmp).open()) {
      SecretName name = SecretName.of("db/password");
      assertThat(store.put(name, SecretValue.ofText("one")).version()).contains("1");
      store.put(name, SecretValue.ofText("two"));
      SecretMetadata third = store.put(name, SecretValue.ofText("three"));

      assertThat(third.version()).contains("3");
      assertThat(store.read(name).version()).isEqualTo("3");
      assertThat(store.read(name).value().text()).isEqualTo("three");
      assertThat(store.read(name, "1").value().text()).isEqualTo("one");
      assertThat(store.read(name, "2").value().text()).isEqualTo("two");
      assertThat(store.read(name, "2").createdAt()).isPresent();
      assertThatThrownBy(() -> store.read(name, "4")).isInstanceOf(SecretNotFoundException.class);
    }
  }

  @Test
  @DisplayName("a put writes one new value file and leaves the files of earlier versions untouched; the record"
      + " holds no value")
  void putDoesNotRewriteEarlierVersions() throws Exception {
    TempStore temp = new TempStore(tmp);
    SecretName name = SecretName.of("db/big");
    String value = "v".repeat(60 * 1024);
    try (SecretStore store = temp.open()) {
      store.put(name, SecretValue.ofText(value + 1));
      store.put(name, SecretValue.ofText(value + 2));
      Map<Path, Object> before = valueFiles(temp, name);
      assertThat(before).hasSize(2);

      for (int i = 3; i <= 10; i++) {
        store.put(name, SecretValue.ofText(value + i));
      }

      Map<Path, Object> after = valueFiles(temp, name);
      assertThat(after).hasSize(10);
      before.forEach((file, key) -> assertThat(after.get(file)).as("%s is the same file, never rewritten", file)
          .isEqualTo(key));
      assertThat(Files.size(temp.storeDir.resolve(NameCodec.fileName(name.value()))))
          .as("ten versions of 60 KiB: the record holds none of them").isLessThan(4096);
      assertThat(store.read(name, "1").value().text()).isEqualTo(value + 1);
    }
  }

  /** Each value file with its file key (inode) and modification time: a rewritten file changes one of them. */
  private static Map<Path, Object> valueFiles(TempStore temp, SecretName name) throws java.io.IOException {
    Map<Path, Object> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(ValueFiles.directory(temp.storeDir, name.value()))) {
      for (Path file : (Iterable<Path>) list::iterator) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
        files.put(file, java.util.List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime()));
      }
    }
    return files;
  }

  @Test
  @DisplayName("listVersions gives every version's id, oldest first; an absent or deleted secret is not found")
  void listVersions() {
    try (SecretStore store = new TempStore(tmp).open()) {
      SecretName name = SecretName.of("db/password");
      store.put(name, SecretValue.ofText("one"));
      store.put(name, SecretValue.ofText("two"));
      store.put(name, SecretValue.ofText("three"));

      assertThat(store.listVersions(name)).containsExactly("1", "2", "3");
      assertThatThrownBy(() -> store.read(name, "hunter2")).as("the version id given is not repeated")
          .isInstanceOf(SecretNotFoundException.class).hasMessageContaining("no version")
          .hasMessageNotContaining("hunter2");
      assertThatThrownBy(() -> store.listVersions(SecretName.of("absent"))).isInstanceOf(SecretNotFoundException.class);
      store.delete(name);
      assertThatThrownBy(() -> store.listVersions(name)).isInstanceOf(SecretNotFoundException.class);
    }
  }

  @Test
  @DisplayName("binary values read back byte for byte, text values as text")
  void binaryAndText() {
    try (SecretStore store = new TempStore(tmp).open()) {
      byte[] all = new byte[256];
      for (int i = 0; i < all.length; i++) {
        all[i] = (byte) i;
      }
      store.create(SecretName.of("bin"), SecretValue.ofBytes(all));
      store.create(SecretName.of("txt"), SecretValue.ofText("žluťoučký 🐴"));
      assertThat(store.read(SecretName.of("bin")).value().bytes()).isEqualTo(all);
      assertThat(store.read(SecretName.of("bin")).value().isText()).isFalse();
      assertThat(store.read(SecretName.of("txt")).value().isText()).isTrue();
      assertThat(store.read(SecretName.of("txt")).value().text()).isEqualTo("žluťoučký 🐴");
    }
  }

  @Test
  @DisplayName("tags persist with the managed tag, and user tags survive updates")
  void tags() {
    TempStore temp = new TempStore(tmp);
    SecretName name = SecretName.of("tagged");
    try (SecretStore store = temp.open()) {
      store.create(name, SecretValue.ofText("v"), Map.of("team", "data"));
      store.put(name, SecretValue.ofText("v2"), Map.of("env", "prod"));
      assertThatThrownBy(() -> store.create(name, SecretValue.ofText("again")))
          .isInstanceOf(SecretAlreadyExistsException.class);
    }
    try (SecretStore reopened = temp.open()) {
      assertThat(reopened.describe(name).tags())
          .containsEntry("team", "data")
          .containsEntry("env", "prod")
          .containsEntry("AirbyteManaged", "true");
      assertThat(reopened.describe(name).nativeId()).startsWith(temp.storeDir.toString());
    }
  }

  @Test
  @DisplayName("tagKey changes the managed tag")
  void customTagKey() {
    TempStore temp = new TempStore(tmp);
    Map<String, Object> config = temp.config();
    config.put("tagKey", "OwnedBySecretstore");
    try (SecretStore store = temp.open(config)) {
      assertThat(store.managedTagKey()).isEqualTo("OwnedBySecretstore");
      assertThat(store.create(SecretName.of("x"), SecretValue.ofText("v")).tags())
          .containsEntry("OwnedBySecretstore", "true");
    }
  }
}
