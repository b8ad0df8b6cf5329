package dev.secretstore.benchmarks;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Local stores of a given size for the benchmarks, built once and kept under
 * {@code benchmarks/target/fixtures/} (building 100,000 secrets through the API takes minutes; every later
 * run reuses it). A store is complete once its {@code .complete} marker exists.
 */
final class StoreFixtures {
  static final String VALUE = "x".repeat(64);

  private StoreFixtures() {}

  static Path root() {
    return Path.of(System.getProperty("secretstore.bench.fixtures", "benchmarks/target/fixtures"))
        .toAbsolutePath();
  }

  static Map<String, Object> config(Path dir) {
    return Map.of("provider", "local", "path", dir.resolve("store").toString(),
        "keyFile", dir.resolve("master.key").toString());
  }

  static SecretName name(int i) {
    return SecretName.of(String.format("bench/conn-%06d/password", i));
  }

  /** A store holding {@code secrets} secrets named {@link #name}(0..secrets-1), built if missing. */
  static Path store(int secrets) {
    Path dir = root().resolve("local-" + secrets);
    Path marker = dir.resolve(".complete");
    if (Files.exists(marker)) {
      return dir;
    }
    try {
      deleteRecursively(dir);
      Files.createDirectories(dir);
      try (SecretStore store = SecretStores.open(config(dir))) {
        for (int i = 0; i < secrets; i++) {
          store.create(name(i), SecretValue.ofText(VALUE));
          if (i > 0 && i % 10_000 == 0) {
            System.err.println("fixture " + dir.getFileName() + ": " + i + " secrets");
          }
        }
      }
      Files.createFile(marker);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
