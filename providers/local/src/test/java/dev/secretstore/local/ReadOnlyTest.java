package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.DeleteOptions;
import dev.secretstore.Operation;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A read-only store reads, and refuses every write with access denied")
class ReadOnlyTest {
  @TempDir
  Path tmp;

  private final SecretName existing = SecretName.of("db/password");

  @Test
  @DisplayName("\"readOnly\": true: reads work, writes are denied with a hint, and nothing changes on disk")
  void readOnlyFlag() throws Exception {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open()) {
      store.create(existing, SecretValue.ofText("v"));
    }
    Map<String, byte[]> before = snapshot(temp.storeDir);
    try (SecretStore store = temp.open(temp.readOnlyConfig())) {
      assertThat(store.read(existing).value().text()).isEqualTo("v");
      assertThat(store.listAll("db/")).hasSize(1);

      assertDenied(() -> store.create(SecretName.of("db/new"), SecretValue.ofText("x")), Operation.CREATE, "readOnly");
      assertDenied(() -> store.put(existing, SecretValue.ofText("x")), Operation.PUT, "readOnly");
      assertDenied(() -> store.put(existing, SecretValue.ofText("x"), Map.of("t", "v")), Operation.PUT, "readOnly");
      assertDenied(() -> store.delete(existing), Operation.DELETE, "readOnly");
      assertDenied(() -> store.delete(existing, DeleteOptions.force()), Operation.DELETE, "readOnly");

      VerificationReport report = store.verify();
      assertThat(report.passed()).isFalse();
      assertThat(report.steps().get(0).remediation()).hasValueSatisfying(r -> assertThat(r).contains("readOnly"));
    }
    assertThat(snapshot(temp.storeDir)).as("store files byte-for-byte unchanged")
        .containsOnlyKeys(before.keySet().toArray(new String[0]))
        .allSatisfy((file, bytes) -> assertThat(bytes).isEqualTo(before.get(file)));
  }

  @Test
  @DisplayName("a store directory this user cannot write is read-only too")
  void unwritableDirectory() throws Exception {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open()) {
      store.create(existing, SecretValue.ofText("v"));
    }
    Map<String, byte[]> before = snapshot(temp.storeDir);
    Runnable restore = makeUnwritable(temp.storeDir);
    try {
      Assumptions.assumeFalse(Files.isWritable(temp.storeDir),
          "this user can write the directory even after its write permission was removed");
      try (SecretStore store = temp.open()) {
        assertThat(store.read(existing).value().text()).isEqualTo("v");
        assertDenied(() -> store.put(existing, SecretValue.ofText("x")), Operation.PUT, "not writable");
        assertDenied(() -> store.create(SecretName.of("db/new"), SecretValue.ofText("x")), Operation.CREATE,
            "not writable");
        assertDenied(() -> store.delete(existing), Operation.DELETE, "not writable");
      }
    } finally {
      restore.run();
    }
    assertThat(snapshot(temp.storeDir)).as("store files byte-for-byte unchanged")
        .containsOnlyKeys(before.keySet().toArray(new String[0]))
        .allSatisfy((file, bytes) -> assertThat(bytes).isEqualTo(before.get(file)));
  }

  /**
   * Removes write access to {@code dir} for this user and returns how to give it back. File modes do not
   * deny root (CI containers often run as root), so there the directory is made immutable with
   * {@code chattr +i}, which binds root too; without chattr the test is skipped with that reason.
   */
  private static Runnable makeUnwritable(Path dir) throws Exception {
    if (!"root".equals(System.getProperty("user.name"))) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
      return () -> {
        try {
          Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
    }
    Assumptions.assumeTrue(chattr("+i", dir), "running as root, where file modes deny nothing, and 'chattr +i'"
        + " (the one way to make a directory unwritable for root) is not available on this file system");
    return () -> assertThat(chattr("-i", dir)).as("chattr -i " + dir).isTrue();
  }

  private static boolean chattr(String flag, Path dir) {
    try {
      Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void assertDenied(ThrowingCallable action, Operation operation, String hint) {
    assertThatThrownBy(action::call).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
          assertThat(e.provider()).isEqualTo("local");
          assertThat(e.operation()).contains(operation);
          assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains(hint));
        });
  }

  @FunctionalInterface
  private interface ThrowingCallable {
    void call() throws Exception;
  }

  private static Map<String, byte[]> snapshot(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> entries = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        files.put(dir.relativize(p).toString(), Files.isDirectory(p) ? new byte[0] : Files.readAllBytes(p));
      }
    }
    return files;
  }
}
