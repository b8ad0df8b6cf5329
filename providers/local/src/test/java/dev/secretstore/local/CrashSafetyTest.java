package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.local.internal.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A process killed in the middle of writes leaves every secret at its old or its new value")
class CrashSafetyTest {
  private static final int SECRETS = 4;
  private static final int ROUNDS = 3;

  @TempDir
  Path tmp;

  @Test
  @DisplayName("killing a writer with SIGKILL at random moments never corrupts the store")
  void killedWriterLeavesConsistentStore() throws Exception {
    killWriterRepeatedly(null);
  }

  @Test
  @DisplayName("killing a writer whose index compacts every few writes never loses a secret from the index")
  void killedWriterDuringIndexCompaction() throws Exception {
    killWriterRepeatedly(3); // a compaction every other put: many kills land inside one
  }

  private void killWriterRepeatedly(Integer compactEvery) throws Exception {
    TempStore temp = new TempStore(tmp);
    temp.open().close(); // creates the store and its key, so the children only write secrets
    Map<String, Long> acknowledged = new HashMap<>();
    long offset = 0;
    for (int round = 0; round < ROUNDS; round++) {
      try (ChildProcess child = ChildProcess.start(tmp.resolve("child-" + round + ".err"), "loop",
          temp.storeDir.toString(), temp.keyFile.toString(), Integer.toString(SECRETS), Long.toString(offset),
          compactEvery == null ? "1000" : compactEvery.toString())) {
        assertThat(child.readLine()).as("child started (see child-" + round + ".err if not)").isEqualTo("ready");
        // Kill after a random number of acknowledged puts rather than after a wall-clock delay, so a slow
        // machine still kills a child that is writing. The child starts the next put as soon as it has
        // printed a line, so the kill usually lands inside one.
        int puts = SECRETS + ThreadLocalRandom.current().nextInt(1, 4 * SECRETS);
        for (int i = 0; i < puts; i++) {
          String[] line = child.readLine().split(" ");
          assertThat(line[0]).isEqualTo("wrote");
          acknowledged.put(line[1], Long.parseLong(line[2]));
        }
        child.kill();
      }
      assertThat(acknowledged).as("secrets written before the first kill").hasSize(SECRETS);
      assertEverySecretOldOrNew(temp, acknowledged);
      offset += 1_000_000; // later rounds write higher numbers, so "not older" stays checkable
    }
  }

  @Test
  @DisplayName("a writer killed after its new record is durable but before the rename leaves the old value and a free lock")
  void writerKilledBeforeRenameLeavesOldValue() throws Exception {
    TempStore temp = new TempStore(tmp);
    SecretName name = SecretName.of("db/password");
    try (SecretStore store = temp.open()) {
      store.create(name, dev.secretstore.SecretValue.ofText("old"));
    }
    try (ChildProcess child = ChildProcess.start(tmp.resolve("stall.err"), "stall", temp.storeDir.toString(),
        temp.keyFile.toString(), name.value())) {
      assertThat(child.readLine()).as("child started (see stall.err if not)").isEqualTo("ready");
      assertThat(child.readLine()).as("child reached the rename").isEqualTo("stalled");
      try (Stream<Path> files = Files.list(temp.storeDir.resolve(AtomicFiles.TEMP_DIR))) {
        assertThat(files.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)))
            .as("the new record, complete in its temporary file").singleElement()
            .satisfies(p -> assertThat(Files.size(p)).isPositive());
      }
      child.kill();
    }
    try (SecretStore readOnly = temp.open(temp.readOnlyConfig())) {
      assertThat(readOnly.read(name).value().text()).isEqualTo("old");
      assertThat(readOnly.describe(name).version()).contains("1");
    }
    try (SecretStore store = temp.open()) { // takes the lock the killed child held
      assertThat(store.read(name).value().text()).isEqualTo("old");
      store.put(name, dev.secretstore.SecretValue.ofText("after"));
      assertThat(store.read(name).value().text()).isEqualTo("after");
    }
    try (Stream<Path> files = Files.list(temp.storeDir.resolve(AtomicFiles.TEMP_DIR))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(AtomicFiles.TEMP_PREFIX));
    }
  }

  @Test
  @DisplayName("a half-written temporary file left by a crash is never read, and the next open removes it")
  void crashLeftoverIsIgnoredAndRemoved() throws Exception {
    TempStore temp = new TempStore(tmp);
    SecretName name = SecretName.of("s0");
    try (SecretStore store = temp.open()) {
      store.create(name, dev.secretstore.SecretValue.ofText("old"));
    }
    // The state a writer killed before its rename leaves: the old record plus a truncated new one.
    Path record = temp.storeDir.resolve(dev.secretstore.local.internal.NameCodec.fileName("s0"));
    byte[] whole = Files.readAllBytes(record);
    Path leftover = temp.storeDir.resolve(AtomicFiles.TEMP_DIR).resolve(AtomicFiles.TEMP_PREFIX + "0123456789abcdef");
    Files.write(leftover, java.util.Arrays.copyOf(whole, whole.length / 2));
    try (SecretStore readOnly = temp.open(temp.readOnlyConfig())) {
      assertThat(readOnly.read(name).value().text()).isEqualTo("old");
      assertThat(readOnly.listAll(null)).hasSize(1);
    }
    assertThat(leftover).as("a read-only open deletes nothing").exists();
    try (SecretStore store = temp.open()) {
      assertThat(store.read(name).value().text()).isEqualTo("old");
    }
    assertThat(leftover).doesNotExist();
  }

  private static void assertEverySecretOldOrNew(TempStore temp, Map<String, Long> acknowledged) throws Exception {
    try (SecretStore store = temp.open()) {
      // Every secret the store lists (including one first created by the killed put) opens and decrypts.
      assertThat(store.listAll(null)).allSatisfy(m -> assertThat(store.read(m.name()).value().text())
          .startsWith("value-").endsWith("-" + ChildWriter.PADDING));
      assertThat(store.listAll(null).map(m -> m.name().value())).as("the index lists every acknowledged secret")
          .containsAll(acknowledged.keySet());
      for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
        String value = store.read(SecretName.of(ack.getKey())).value().text();
        assertThat(value).startsWith("value-").endsWith("-" + ChildWriter.PADDING);
        long written = Long.parseLong(value.substring("value-".length(), value.indexOf('-', "value-".length())));
        // The last acknowledged put, or the one in flight when the child died: never an older state.
        assertThat(written).as(ack.getKey()).isGreaterThanOrEqualTo(ack.getValue());
      }
    }
    try (Stream<Path> files = Files.list(temp.storeDir.resolve(AtomicFiles.TEMP_DIR))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("a writable open removes temporary files a killed writer left behind")
          .noneMatch(n -> n.startsWith(AtomicFiles.TEMP_PREFIX));
    }
  }
}
