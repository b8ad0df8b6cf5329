package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.local.internal.NameCodec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Secret names map to file names without collisions")
class NamesTest {
  @TempDir
  Path tmp;

  private static final List<String> LOOK_ALIKES = List.of(
      "a_b.c", "a-b.c", "a/b.c", "a.b.c", "a_b_c", "a-b-c", "a/b/c", "a.b-c", "a_b/c", "A_b.c", "A-B.C", "a__b", "a_-b");

  @Test
  @DisplayName("names differing only in _ - / . or case are distinct secrets")
  void lookAlikesAreDistinct() {
    try (SecretStore store = new TempStore(tmp).open()) {
      for (String name : LOOK_ALIKES) {
        store.create(SecretName.of(name), SecretValue.ofText("value of " + name));
      }
      for (String name : LOOK_ALIKES) {
        assertThat(store.read(SecretName.of(name)).value().text()).isEqualTo("value of " + name);
      }
      assertThat(store.listAll(null)).hasSize(LOOK_ALIKES.size());
    }
  }

  @Test
  @DisplayName("file names are distinct even on case-insensitive file systems")
  void fileNamesDistinctIgnoringCase() {
    Set<String> fileNames = new HashSet<>();
    for (String name : LOOK_ALIKES) {
      String file = NameCodec.fileName(name);
      assertThat(file).matches("[a-z0-9._=-]+");
      assertThat(fileNames.add(file.toLowerCase(Locale.ROOT))).as(name).isTrue();
    }
  }

  @Test
  @DisplayName("a record file name decodes back to its one name; hashed, stray and non-canonical file names to none")
  void fileNamesDecode() {
    for (String name : LOOK_ALIKES) {
      assertThat(NameCodec.nameOf(NameCodec.fileName(name))).as(name).contains(name);
    }
    assertThat(NameCodec.nameOf(NameCodec.fileName("A".repeat(254) + "z"))).as("hashed").isEmpty();
    for (String stray : List.of("notes.txt", ".lock", "a_.rec", "a_x_.rec", "a_!.rec", "a_-_-b.rec", "_-a.rec", ".rec",
        "a..b.rec")) {
      assertThat(NameCodec.nameOf(stray)).as(stray).isEmpty();
    }
  }

  @Test
  @DisplayName("Airbyte coordinates and 255-character names round-trip")
  void longAndAirbyteNames() {
    String airbyte = "airbyte_workspace_3fa85f64-5717-4562-b3fc-2c963f66afa6_secret_9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d_v1";
    String upper = "A".repeat(254) + "z"; // escapes to 509 characters: stored under a hashed file name
    String upperToo = "A".repeat(253) + "Bz";
    List<String> names = List.of(airbyte, upper, upperToo);
    try (SecretStore store = new TempStore(tmp).open()) {
      for (int i = 0; i < names.size(); i++) {
        store.create(SecretName.of(names.get(i)), SecretValue.ofText("value-" + i));
      }
      for (int i = 0; i < names.size(); i++) {
        assertThat(store.read(SecretName.of(names.get(i))).value().text()).isEqualTo("value-" + i);
      }
      assertThat(store.listAll("AAA")).extracting(m -> m.name().value()).containsExactly(upper, upperToo);
    }
    assertThat(NameCodec.fileName(upper)).startsWith("=").hasSizeLessThan(255);
  }
}
