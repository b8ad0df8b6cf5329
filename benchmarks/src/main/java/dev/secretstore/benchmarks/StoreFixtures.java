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
 * Local stores of a given size for the benchmarks, built once through the public API and kept under
 * {@code benchmarks/target/fixtures/} (100,000 secrets take a long time with an fsync per file; every later
 * run reuses them). A store is complete once its {@code .complete} marker exists; an interrupted build
 * resumes where it stopped. {@code benchmarks/run} builds missing fixtures first, in a JVM of their own,
 * under {@code eatmydata} where installed (fsync made a no-op for the build only; the benchmarks
 * themselves always run with real fsyncs).
 */
public final class StoreFixtures {
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
      Files.createDirectories(dir);
      try (SecretStore store = SecretStores.open(config(dir))) {
        for (int i = 0; i < secrets; i++) {
          if (store.find(name(i)).isPresent()) {
            continue; // built by an earlier, interrupted run
          }
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

  /** Builds the fixtures of the given sizes (default: those the benchmarks use). */
  public static void main(String[] args) {
    String[] sizes = args.length > 0 ? args : new String[] {"100", "10000", "100000"};
    for (String size : sizes) {
      System.err.println("fixture ready: " + store(Integer.parseInt(size)));
    }
  }
}
