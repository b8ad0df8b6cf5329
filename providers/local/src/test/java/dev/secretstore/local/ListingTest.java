package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Listing by prefix, in pages")
class ListingTest {
  @TempDir
  Path tmp;

  @Test
  @DisplayName("pages of the requested size walk every matching name once, in order")
  void pagesByPrefix() {
    try (SecretStore store = new TempStore(tmp).open()) {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        String name = "team-a/conn" + i;
        store.create(SecretName.of(name), SecretValue.ofText("v"));
        expected.add(name);
      }
      store.create(SecretName.of("team-b/conn0"), SecretValue.ofText("v"));
      store.create(SecretName.of("team-a"), SecretValue.ofText("no slash, still a prefix match"));
      expected.add(0, "team-a");
      store.create(SecretName.of("team-a/gone"), SecretValue.ofText("v"));
      store.delete(SecretName.of("team-a/gone"));

      List<String> seen = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      ListOptions options = ListOptions.builder().prefix("team-a").pageSize(3).build();
      while (true) {
        Page<SecretMetadata> page = store.list(options);
        sizes.add(page.items().size());
        page.items().forEach(m -> seen.add(m.name().value()));
        if (page.nextPageToken().isEmpty()) {
          break;
        }
        options = options.toBuilder().pageToken(page.nextPageToken().get()).build();
      }
      assertThat(seen).containsExactlyElementsOf(expected);
      assertThat(sizes).containsExactly(3, 3, 2);
      assertThat(store.listAll(null).map(m -> m.name().value()).collect(Collectors.toList()))
          .hasSize(9).contains("team-b/conn0");
    }
  }
}
