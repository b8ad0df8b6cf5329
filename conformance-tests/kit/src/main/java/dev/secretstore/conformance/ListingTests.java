package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.Capability;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group 3c: list honours the page size and its pages, followed token by token, hold every secret once. */
abstract class ListingTests extends ConformanceGroup {

    private static final int SECRETS = 23;
    private static final int PAGE_SIZE = 5;

    @Test
    @DisplayName("no page holds more items than the page size asked for, and paging over many pages neither loses nor repeats a secret")
    void pagesRespectThePageSizeAndNeitherLoseNorRepeat() {
        Set<SecretName> written = new LinkedHashSet<>();
        for (int i = 0; i < SECRETS; i++) {
            SecretName name = name(String.format("paged-%02d", i));
            store().create(name, text("value " + i));
            written.add(name);
        }
        boolean byPrefix = supports(Capability.LIST_BY_PREFIX);
        ListOptions first = ListOptions.builder().prefix(byPrefix ? scope() : null).pageSize(PAGE_SIZE).build();

        List<SecretName> seen = new ArrayList<>();
        int pages = 0;
        ListOptions next = first;
        while (next != null) {
            Page<SecretMetadata> page = store().list(next);
            pages++;
            assertThat(page.items()).as("items of page %d with pageSize=%d", pages, PAGE_SIZE).hasSizeLessThanOrEqualTo(PAGE_SIZE);
            page.items().stream().map(SecretMetadata::name).filter(n -> n.value().startsWith(scope())).forEach(seen::add);
            next = page.nextPageToken().map(token -> first.toBuilder().pageToken(token).build()).orElse(null);
            assertThat(pages).as("pages listed (the paging never ends?)").isLessThan(10_000);
        }

        assertThat(seen).as("secrets of this test over all pages").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(written);
        if (byPrefix) {
            assertThat(pages).as("pages for %d secrets at pageSize=%d", SECRETS, PAGE_SIZE)
                    .isGreaterThanOrEqualTo((SECRETS + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }
}
