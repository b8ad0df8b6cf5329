package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.local.internal.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A process killed in the middle of writes leaves every secret at its old or its new value")
class CrashSafetyTest {
  private static final int SECRETS = 4;
  private static final int WRITES_BEFORE_KILL = 60;

  @TempDir
  Path tmp;

  @Test
  @DisplayName("killing a writer with SIGKILL never corrupts the store")
  void killedWriterLeavesConsistentStore() throws Exception {
    TempStore temp = new TempStore(tmp);
    temp.open().close(); // creates the store and its key, so the child only writes secrets

    Map<String, Long> acknowledged = new HashMap<>();
    try (ChildProcess child = ChildProcess.start(tmp.resolve("child.err"), "loop", temp.storeDir.toString(),
        temp.keyFile.toString(), Integer.toString(SECRETS))) {
      assertThat(child.readLine()).as("child started (see child.err if not)").isEqualTo("ready");
      for (int i = 0; i < WRITES_BEFORE_KILL; i++) {
        String[] line = child.readLine().split(" ");
        acknowledged.put(line[1], Long.parseLong(line[2]));
      }
      child.kill(); // the child is writing its next value right now
    }

    try (SecretStore store = temp.open()) {
      for (int i = 0; i < SECRETS; i++) {
        String secret = "s" + i;
        String value = store.read(SecretName.of(secret)).value().text();
        assertThat(value).matches("value-\\d+");
        long written = Long.parseLong(value.substring("value-".length()));
        // The last acknowledged put, or the one in flight when the child died: never an older state.
        assertThat(written).as(secret).isGreaterThanOrEqualTo(acknowledged.get(secret));
      }
    }
    try (Stream<Path> files = Files.list(temp.storeDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("a writable open removes temporary files a killed writer left behind")
          .noneMatch(n -> n.startsWith(AtomicFiles.TEMP_PREFIX));
    }
  }
}
