package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.DeleteOptions;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.local.internal.NameCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Soft delete with a recovery window, restore, recreate, and force delete")
class SoftDeleteTest {
  @TempDir
  Path tmp;

  private final SecretName name = SecretName.of("app/token");

  @Test
  @DisplayName("a soft-deleted secret is invisible to read, describe and list, and can be restored")
  void softDeleteHidesAndRestoreBringsBack() {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open()) {
      store.create(name, SecretValue.ofText("v1"));
      store.put(name, SecretValue.ofText("v2"));
      store.delete(name);

      assertThatThrownBy(() -> store.read(name)).isInstanceOf(SecretNotFoundException.class);
      assertThat(store.find(name)).isEmpty();
      assertThat(store.listAll("app/")).isEmpty();
      assertThat(temp.storeDir.resolve(NameCodec.fileName(name.value()))).as("kept for recovery").exists();
      assertThatThrownBy(() -> store.delete(name)).isInstanceOf(SecretNotFoundException.class);

      store.restore(name);
      assertThat(store.read(name).value().text()).isEqualTo("v2");
      assertThat(store.read(name, "1").value().text()).isEqualTo("v1");
    }
  }

  @Test
  @DisplayName("creating a soft-deleted name again starts a new secret (the deleted one is discarded)")
  void recreateAfterSoftDelete() {
    try (SecretStore store = new TempStore(tmp).open()) {
      store.create(name, SecretValue.ofText("old"));
      store.put(name, SecretValue.ofText("old2"));
      store.delete(name);
      store.create(name, SecretValue.ofText("new"));
      assertThat(store.read(name).value().text()).isEqualTo("new");
      assertThat(store.read(name).version()).isEqualTo("1");
      assertThatThrownBy(() -> store.read(name, "2")).isInstanceOf(SecretNotFoundException.class);
    }
  }

  @Test
  @DisplayName("force delete removes the record file at once")
  void forceDelete() {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = temp.open()) {
      store.create(name, SecretValue.ofText("v"));
      store.delete(name, DeleteOptions.force());
      assertThat(temp.storeDir.resolve(NameCodec.fileName(name.value()))).doesNotExist();
      assertThatThrownBy(() -> store.restore(name)).isInstanceOf(SecretNotFoundException.class);
    }
  }

  @Test
  @DisplayName("once the recovery window has passed the secret is gone and its file is purged")
  void windowPasses() {
    TempStore temp = new TempStore(tmp);
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    temp.clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    try (SecretStore store = temp.open()) {
      store.create(name, SecretValue.ofText("v"));
      store.delete(name, DeleteOptions.recoveryWindow(Duration.ofDays(7)));
    }
    now.set(now.get().plus(Duration.ofDays(6)));
    try (SecretStore store = temp.open()) {
      assertThat(store.restore(name).name()).isEqualTo(name);
      store.delete(name, DeleteOptions.recoveryWindow(Duration.ofDays(7)));
    }
    now.set(now.get().plus(Duration.ofDays(8)));
    try (SecretStore store = temp.open()) {
      assertThat(temp.storeDir.resolve(NameCodec.fileName(name.value()))).doesNotExist();
      assertThatThrownBy(() -> store.restore(name)).isInstanceOf(SecretNotFoundException.class);
    }
  }
}
