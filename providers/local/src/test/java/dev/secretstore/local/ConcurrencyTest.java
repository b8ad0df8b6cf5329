package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Concurrent writers never lose an update")
class ConcurrencyTest {
  @TempDir
  Path tmp;

  @Test
  @DisplayName("threads of one JVM, through two store instances on one directory, each add versions")
  void threadsAddingVersionsLoseNothing() throws Exception {
    TempStore temp = new TempStore(tmp);
    int threads = 6;
    int perThread = 15;
    SecretName name = SecretName.of("shared/counter");
    try (SecretStore first = temp.open(); SecretStore second = temp.open()) {
      first.create(name, SecretValue.ofText("initial"));
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          SecretStore store = t % 2 == 0 ? first : second; // two instances share the JVM-wide lock
          int thread = t;
          futures.add(pool.submit((Callable<Void>) () -> {
            for (int i = 0; i < perThread; i++) {
              store.put(name, SecretValue.ofText("t" + thread + "-" + i));
            }
            return null;
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      int expected = 1 + threads * perThread;
      assertThat(first.describe(name).version()).contains(Integer.toString(expected));
      Set<String> values = new HashSet<>();
      for (int v = 1; v <= expected; v++) {
        values.add(first.read(name, Integer.toString(v)).value().text());
      }
      assertThat(values).as("every version holds a distinct write").hasSize(expected);
    }
  }

  @Test
  @DisplayName("two processes appending to one secret at once lose no version")
  void twoProcessesLoseNothing() throws Exception {
    TempStore temp = new TempStore(tmp);
    SecretName name = SecretName.of("shared/by-processes");
    int perProcess = 40;
    try (SecretStore store = temp.open()) {
      store.create(name, SecretValue.ofText("initial"));
    }
    try (ChildProcess a = ChildProcess.start(tmp.resolve("a.err"), "append", temp.storeDir.toString(),
            temp.keyFile.toString(), name.value(), Integer.toString(perProcess));
        ChildProcess b = ChildProcess.start(tmp.resolve("b.err"), "append", temp.storeDir.toString(),
            temp.keyFile.toString(), name.value(), Integer.toString(perProcess))) {
      assertThat(a.readLine()).isEqualTo("ready");
      assertThat(b.readLine()).isEqualTo("ready");
      a.send("go");
      b.send("go");
      assertThat(a.readLine()).as("first child finished (see a.err if not)").isEqualTo("done");
      assertThat(b.readLine()).as("second child finished (see b.err if not)").isEqualTo("done");
      assertThat(a.waitFor(30)).isZero();
      assertThat(b.waitFor(30)).isZero();
    }
    try (SecretStore store = temp.open()) {
      int expected = 1 + 2 * perProcess;
      assertThat(store.describe(name).version()).contains(Integer.toString(expected));
      Set<String> values = new HashSet<>();
      for (int v = 1; v <= expected; v++) {
        values.add(store.read(name, Integer.toString(v)).value().text());
      }
      assertThat(values).hasSize(expected);
    }
  }
}
