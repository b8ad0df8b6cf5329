package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.DeleteOptions;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.local.internal.CrashPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("rotate-key re-encrypts every record under a new key, and survives being killed at any point")
class KeyRotationTest {
  private static final int SECRETS = 4;

  @TempDir
  Path tmp;

  @Test
  @DisplayName("after a rotation every version (and a soft-deleted secret) reads back, under the new key only")
  void rotation() throws Exception {
    TempStore temp = new TempStore(tmp);
    Map<String, String> expected = fill(temp);
    try (SecretStore store = temp.open()) {
      store.create(SecretName.of("deleted"), SecretValue.ofText("restorable"));
      store.delete(SecretName.of("deleted"), DeleteOptions.recoveryWindow(Duration.ofDays(3)));
    }
    Path oldKey = TempStore.writePrivate(tmp.resolve("old.key"), Files.readString(temp.keyFile));

    LocalKeyRotation.rotate(temp.provider(), temp.config());

    assertThat(Files.readString(temp.keyFile)).isNotEqualTo(Files.readString(oldKey)).hasSize(45);
    assertThat(temp.storeDir.resolve(".rotation")).doesNotExist();
    assertAllReadable(temp, expected);
    try (SecretStore store = temp.open()) {
      assertThat(store.restore(SecretName.of("deleted")).name().value()).isEqualTo("deleted");
      assertThat(store.read(SecretName.of("deleted")).value().text()).isEqualTo("restorable");
    }
    Map<String, Object> withOldKey = new LinkedHashMap<>(temp.config());
    withOldKey.put("keyFile", oldKey.toString());
    assertThatThrownBy(() -> temp.open(withOldKey)).isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  @DisplayName("a rotation killed at random points leaves a store that opens with its key file, read-only or"
      + " writable, and the next writable open finishes it")
  void killedRotation() throws Exception {
    TempStore temp = new TempStore(tmp);
    Map<String, String> expected = fill(temp);
    for (int round = 0; round < 4; round++) {
      try (ChildProcess child = ChildProcess.start(tmp.resolve("rotate-" + round + ".err"), "rotate",
          temp.storeDir.toString(), temp.keyFile.toString())) {
        assertThat(child.readLine()).as("child started (see rotate-" + round + ".err if not)").isEqualTo("ready");
        int complete = ThreadLocalRandom.current().nextInt(0, 3);
        for (int i = 0; i < complete; i++) {
          assertThat(child.readLine()).isEqualTo("rotated");
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 120));
        child.kill();
      }
      try (SecretStore readOnly = temp.open(temp.readOnlyConfig())) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
          assertThat(readOnly.read(SecretName.of(e.getKey())).value().text()).isEqualTo(e.getValue());
        }
      }
      assertAllReadable(temp, expected); // a writable open: finishes an interrupted rotation
      assertThat(temp.storeDir.resolve(".rotation")).as("finished by the writable open").doesNotExist();
    }
  }

  @Test
  @DisplayName("a store opened before a rotation (another instance or process) never writes under the old key"
      + " after it: its writes and reads carry on under the new key")
  void storeOpenedBeforeRotation() throws Exception {
    TempStore temp = new TempStore(tmp);
    Map<String, String> expected = fill(temp);
    try (SecretStore before = temp.open()) {
      assertThat(before.read(SecretName.of("s0")).value().text()).isEqualTo("second-0");

      LocalKeyRotation.rotate(temp.provider(), temp.config());

      before.create(SecretName.of("written-after"), SecretValue.ofText("after rotation"));
      before.put(SecretName.of("s1"), SecretValue.ofText("third-1"));
      assertThat(before.read(SecretName.of("s0")).value().text()).isEqualTo("second-0");
    }
    expected.put("s1", "third-1");
    expected.put("written-after", "after rotation");
    try (SecretStore after = temp.open()) {
      for (Map.Entry<String, String> e : expected.entrySet()) {
        assertThat(after.read(SecretName.of(e.getKey())).value().text()).as(e.getKey()).isEqualTo(e.getValue());
      }
      assertThat(after.listAll(null)).noneMatch(m -> m.integrityProblem().isPresent());
    }
  }

  @Test
  @DisplayName("a store opened before a rotation reads every secret while the rotation is under way or was"
      + " interrupted, re-encrypted or not")
  void storeOpenedBeforeInterruptedRotation() throws Exception {
    TempStore temp = new TempStore(tmp);
    Map<String, String> expected = fill(temp);
    try (SecretStore before = temp.open()) {
      assertThat(before.read(SecretName.of("s0")).value().text()).isEqualTo("second-0");
      AtomicInteger records = new AtomicInteger();
      CrashPoint.beforeRename(() -> {
        if (records.incrementAndGet() > 1) {
          throw new IllegalStateException("rotation interrupted after its first record");
        }
      });
      try {
        assertThatThrownBy(() -> LocalKeyRotation.rotate(temp.provider(), temp.config()))
            .hasMessage("rotation interrupted after its first record");
      } finally {
        CrashPoint.beforeRename(null);
      }
      assertThat(temp.storeDir.resolve(".rotation")).as("the rotation is left half done").exists();

      for (Map.Entry<String, String> e : expected.entrySet()) {
        assertThat(before.read(SecretName.of(e.getKey())).value().text()).as(e.getKey()).isEqualTo(e.getValue());
      }
      assertThat(before.listAll(null)).noneMatch(m -> m.integrityProblem().isPresent());
      assertAllReadable(temp, expected); // a writable open finishes the rotation
      assertThat(before.read(SecretName.of("s3")).value().text()).isEqualTo("second-3");
    }
  }

  private static Map<String, String> fill(TempStore temp) {
    Map<String, String> latest = new LinkedHashMap<>();
    try (SecretStore store = temp.open()) {
      for (int i = 0; i < SECRETS; i++) {
        SecretName name = SecretName.of("s" + i);
        store.create(name, SecretValue.ofText("first-" + i));
        store.put(name, SecretValue.ofText("second-" + i));
        latest.put(name.value(), "second-" + i);
      }
    }
    return latest;
  }

  private static void assertAllReadable(TempStore temp, Map<String, String> expected) {
    try (SecretStore store = temp.open()) {
      for (Map.Entry<String, String> e : expected.entrySet()) {
        SecretName name = SecretName.of(e.getKey());
        assertThat(store.read(name).value().text()).isEqualTo(e.getValue());
        assertThat(store.read(name, "1").value().text()).startsWith("first-");
      }
      assertThat(store.listAll(null)).noneMatch(m -> m.integrityProblem().isPresent());
    }
  }
}
