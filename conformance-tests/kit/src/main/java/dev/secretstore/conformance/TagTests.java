package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.Capability;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.StoreLimits;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Group 3b: user tags come back exactly as written, or, where the store cannot hold them, are refused
 * before any I/O with an error saying what is allowed. Silent rewriting (lower-casing, label syntax,
 * dropped characters) fails.
 */
abstract class TagTests extends ConformanceGroup {

    /** Tags a cloud's native syntax is likely to mangle, one trait each and one with all of them. */
    static Stream<Named<Map.Entry<String, String>>> demandingTags() {
        return Stream.of(
                Named.of("upper case", Map.entry("CostCenter", "RnD-EU-West")),
                Named.of("spaces", Map.entry("owner team", "data platform team")),
                Named.of("slash", Map.entry("source/system", "connections/pg/prod")),
                Named.of("colon", Map.entry("k8s:app", "db:5432")),
                Named.of("non-ASCII", Map.entry("équipe", "Zürich 東京")),
                Named.of("all of them", Map.entry("Team/Owner: Ä", "Data Platform / EU: Zürich")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demandingTags")
    @DisplayName("a user tag comes back exactly as written on create and on put, or is refused before any I/O saying what is allowed")
    void userTagComesBackExactlyOrIsRefusedBeforeAnyIo(Map.Entry<String, String> tag) {
        SecretName created = name("tagged-on-create");
        SecretName updated = name("tagged-on-put");
        Map<String, String> tags = Map.of(tag.getKey(), tag.getValue());
        if (!supports(Capability.TAGS)) {
            assertNotSupported(() -> store().create(created, text("v1"), tags), Capability.TAGS);
            assertNothingStoredAt(created);
            return;
        }
        StoreLimits limits = store().limits();
        if (!fits(limits, tag.getKey(), tag.getValue())) {
            assertRefusedBeforeAnyIo(created, tags, limits);
            return;
        }

        store().create(created, text("v1"), tags);
        store().create(updated, text("v1"));
        store().put(updated, text("v2"), tags);

        for (SecretName name : new SecretName[] {created, updated}) {
            SecretMetadata described = store().describe(name);
            assertThat(described.tags()).as("tags of %s as described", name).containsEntry(tag.getKey(), tag.getValue());
            try (var listed = store().listAll(supports(Capability.LIST_BY_PREFIX) ? scope() : null)) {
                listed.filter(m -> m.name().equals(name)).forEach(m -> assertThat(m.tags())
                        .as("tags of %s as listed", name).containsEntry(tag.getKey(), tag.getValue()));
            }
        }
    }

    /** Whether the store's declared limits admit this tag; a store that declares nothing must hold it. */
    private static boolean fits(StoreLimits limits, String key, String value) {
        return key.length() <= limits.maxTagKeyLength()
                && value.length() <= limits.maxTagValueLength()
                && limits.tagKeyPattern().map(p -> p.matcher(key).matches()).orElse(true)
                && limits.tagValuePattern().map(p -> p.matcher(value).matches()).orElse(true);
    }

    private void assertRefusedBeforeAnyIo(SecretName name, Map<String, String> tags, StoreLimits limits) {
        OptionalLong writesBefore = writeAttemptsIfCounted();
        String key = tags.keySet().iterator().next();

        Throwable failure = catchThrowable(() -> store().create(name, text("never stored"), tags));

        assertThat(failure).as("a tag the store's declared limits (%s) do not admit", limits)
                .isInstanceOf(InvalidRequestException.class);
        assertThat(failure.getMessage()).as("the error names the tag").contains(key);
        boolean lengthOk = key.length() <= limits.maxTagKeyLength() && tags.get(key).length() <= limits.maxTagValueLength();
        if (lengthOk) {
            assertThat(failure.getMessage()).as("the error says which characters are allowed")
                    .contains(limits.tagCharacters());
        }
        assertNoWriteAttemptSince(writesBefore, "a tag the store cannot hold");
        assertNothingStoredAt(name);
    }
}
