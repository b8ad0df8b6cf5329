package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.testing.InMemorySpi;
import dev.secretstore.testing.MemoryProvider;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tag character rules a store declares in its limits")
class TagCharacterRulesTest {

    static final String ALLOWED = "letters, digits, whitespace and _ . : / = + - @";
    static final Pattern AWS_LIKE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    final InMemorySpi spi = new InMemorySpi(StoreLimits.builder().tagKeyPattern(AWS_LIKE).tagValuePattern(AWS_LIKE)
            .tagCharacters(ALLOWED).build(), "AirbyteManaged");
    final SecretStore store = SecretStores.open(new MemoryProvider(spi), Map.of());
    final SecretName name = SecretName.of("db/password");

    @Test
    @DisplayName("a tag key the store cannot hold is refused before any I/O, naming the key and what is allowed")
    void keyRefused() {
        InvalidRequestException e = catchThrowableOfType(() -> store.create(name, SecretValue.ofText("v"),
                Map.of("team#1", "data")), InvalidRequestException.class);

        assertThat(e.getMessage()).contains("tag key 'team#1'").contains(ALLOWED);
        assertThat(e.remediation()).hasValueSatisfying(hint -> assertThat(hint).contains(ALLOWED));
        assertThat(spi.calls()).isZero();
    }

    @Test
    @DisplayName("a tag value the store cannot hold is refused before any I/O, naming the key but never the value")
    void valueRefused() {
        InvalidRequestException e = catchThrowableOfType(() -> store.put(name, SecretValue.ofText("v"),
                Map.of("owner", "ops<script>")), InvalidRequestException.class);

        assertThat(e.getMessage()).contains("tag 'owner'").contains(ALLOWED).doesNotContain("ops<script>");
        assertThat(spi.calls()).isZero();
    }

    @Test
    @DisplayName("tags within the declared characters are stored exactly as written")
    void allowedStoredExactly() {
        Map<String, String> tags = Map.of("Team Name", "Data Platform/EU: Zürich", "cost-center", "a+b=c@d");

        store.create(name, SecretValue.ofText("v"), tags);

        assertThat(spi.rawTags(name)).containsAllEntriesOf(tags);
    }

    @Test
    @DisplayName("without a declared rule any characters are accepted, and the limits say so")
    void noRuleByDefault() {
        StoreLimits defaults = StoreLimits.defaults();

        assertThat(defaults.tagKeyPattern()).isEmpty();
        assertThat(defaults.tagValuePattern()).isEmpty();
        assertThat(defaults.tagCharacters()).isEqualTo("any characters");
        assertThat(defaults.toBuilder().tagKeyPattern(AWS_LIKE).build().toBuilder().build().tagKeyPattern())
                .hasValue(AWS_LIKE);
    }
}
