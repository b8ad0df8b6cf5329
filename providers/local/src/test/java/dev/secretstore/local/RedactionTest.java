package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.DeleteOptions;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.spi.StoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A canary value and the key never appear in files, toString or exception messages")
class RedactionTest {
  private static final String CANARY = "CANARY-9d1e4b7c-never-print-me";

  @TempDir
  Path tmp;

  @Test
  @DisplayName("through every operation, including failing ones")
  void canaryNeverLeaks() throws Exception {
    TempStore temp = new TempStore(tmp);
    List<String> seen = new ArrayList<>();
    SecretName name = SecretName.of("redaction/canary");
    try (SecretStore store = temp.open()) {
      seen.add(store.toString());
      seen.add(store.create(name, SecretValue.ofText(CANARY), Map.of("k", "v")).toString());
      seen.add(store.put(name, SecretValue.ofText(CANARY + "-2")).toString());
      Secret secret = store.read(name);
      assertThat(secret.value().text()).isEqualTo(CANARY + "-2");
      seen.add(secret.toString());
      seen.add(secret.value().toString());
      seen.add(store.read(name, "1").toString());
      seen.add(store.describe(name).toString());
      Map<SecretName, ReadResult> all = store.readAll(List.of(name, SecretName.of("redaction/missing")));
      seen.add(all.toString());
      all.values().forEach(r -> r.failure().ifPresent(f -> seen.add(f.getMessage())));
      seen.add(store.list(dev.secretstore.ListOptions.defaults()).toString());
      seen.add(failure(() -> store.create(name, SecretValue.ofText(CANARY))));
      seen.add(failure(() -> store.read(name, "99")));
      seen.add(store.verify().toString());
      store.delete(name);
      seen.add(failure(() -> store.read(name)));
      store.restore(name);
      store.delete(name, DeleteOptions.force());
    }
    try (SecretStore readOnly = temp.open(temp.readOnlyConfig())) {
      seen.add(failure(() -> readOnly.put(name, SecretValue.ofText(CANARY))));
    }
    TempStore.writePrivate(tmp.resolve("other.key"), "bm90LXRoZS1rZXktYnV0LTMyLWJ5dGVzLWxvbmctaGVyZQ==");
    seen.add(failure(() -> temp.open(Map.of("path", temp.storeDir.toString(), "keyFile",
        tmp.resolve("other.key").toString()))));
    LocalSecretStoreProvider provider = temp.provider();
    seen.add(provider.toString());
    seen.add(StoreConfig.of(temp.config(), provider.configFields()).toString());

    String key = Files.readString(temp.keyFile).strip();
    assertThat(seen).isNotEmpty().allSatisfy(text -> assertThat(text)
        .doesNotContain(CANARY)
        .doesNotContain(key)
        .doesNotContain("bm90LXRoZS1rZXktYnV0LTMyLWJ5dGVzLWxvbmctaGVyZQ=="));
    assertNoFileContains(temp.root, CANARY);
    assertNoFileContains(temp.storeDir, key);
  }

  private static String failure(Runnable action) {
    try {
      action.run();
    } catch (SecretStoreException e) {
      return e.getMessage() + " | " + e.remediation().orElse("") + " | " + e;
    }
    throw new AssertionError("expected a failure");
  }

  private static void assertNoFileContains(Path root, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile).forEach(file -> {
        try {
          String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
          assertThat(content).as(file.toString()).doesNotContain(new String(needle, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }
}
