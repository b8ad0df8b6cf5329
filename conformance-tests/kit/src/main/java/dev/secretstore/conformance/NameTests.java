package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.InvalidRequestException;
import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.Secret;
import dev.secretstore.SecretName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Group 2: the portable name survives every provider's native naming rules, and bad names never leave the JVM. */
abstract class NameTests extends ConformanceGroup {

    /**
     * Only the separators differ: a provider that maps one to another (say `_` to `-`) collides here.
     * Separators a future portable name may hold ({@code + = @}) join in as soon as {@link SecretName} accepts them.
     */
    private static final List<String> SEPARATOR_VARIANTS = Stream.concat(Stream.of(
            "db_password", "db-password", "db/password", "db.password",
            "db_pass-word", "db-pass_word", "db.pass/word", "db/pass.word", "db_pass_word", "db-pass-word"),
            Stream.of("db+password", "db=password", "db@password").filter(SecretName::isValid)).toList();

    /** One name in different cases: a provider whose native names ignore case merges them. */
    private static final List<String> CASE_VARIANTS = List.of("DB_PASSWORD", "db_password", "Db_Password", "db_PASSWORD");

    static Stream<Named<String>> invalidNames() {
        return Stream.of(
                Named.of("empty", ""),
                Named.of("leading separator", "-db-password"),
                Named.of("trailing separator", "db-password/"),
                Named.of("double slash", "team//db-password"),
                Named.of("double dot", "team/../db-password"),
                Named.of("space", "db password"),
                Named.of("non-ASCII letter", "db-päss"),
                Named.of("control character", "db\u0000password"),
                Named.of("shell metacharacter", "db;rm -rf"),
                Named.of("256 characters", "a".repeat(256)));
    }

    @Test
    @DisplayName("an Airbyte coordinate airbyte_workspace_<uuid>_secret_<uuid>_v1 round-trips with its exact name")
    void airbyteCoordinateRoundTrips() {
        String coordinate = "airbyte_workspace_" + UUID.randomUUID() + "_secret_" + UUID.randomUUID() + "_v1";
        SecretName name = name(coordinate);

        store().create(name, text("{\"password\":\"hunter2\"}"));

        Secret secret = store().read(name);
        assertThat(secret.name()).isEqualTo(name);
        assertThat(secret.value().text()).isEqualTo("{\"password\":\"hunter2\"}");
        assertThat(store().describe(name).name()).isEqualTo(name);
        assertThat(listedInScope()).containsExactly(name);
    }

    @Test
    @DisplayName("names that differ only in '_', '-', '/' or '.' are distinct secrets")
    void namesDifferingOnlyInSeparatorsNeverCollide() {
        Map<SecretName, String> written = new LinkedHashMap<>();
        for (String variant : SEPARATOR_VARIANTS) {
            SecretName name = name(variant);
            store().create(name, text("value of " + variant));
            written.put(name, "value of " + variant);
        }

        written.forEach((name, value) -> {
            Secret secret = store().read(name);
            assertThat(secret.name()).isEqualTo(name);
            assertThat(secret.value().text()).as("value read back from %s", name).isEqualTo(value);
        });
        assertThat(listedInScope()).containsExactlyInAnyOrderElementsOf(written.keySet());
    }

    @Test
    @DisplayName("names that differ only in case are distinct secrets, read and listed back in their exact case")
    void namesDifferingOnlyInCaseAreDistinctSecrets() {
        Map<SecretName, String> written = new LinkedHashMap<>();
        for (String variant : CASE_VARIANTS) {
            SecretName name = name(variant);
            store().create(name, text("value of " + variant));
            written.put(name, "value of " + variant);
        }

        written.forEach((name, value) -> {
            Secret secret = store().read(name);
            assertThat(secret.name().value()).as("name read back for %s", name).isEqualTo(name.value());
            assertThat(secret.value().text()).as("value read back from %s", name).isEqualTo(value);
            assertThat(store().describe(name).name().value()).isEqualTo(name.value());
        });
        assertThat(listedInScope().stream().map(SecretName::value))
                .containsExactlyInAnyOrderElementsOf(written.keySet().stream().map(SecretName::value).toList());
    }

    @Test
    @DisplayName("a name of exactly the store's maxNameLength round-trips with its exact name")
    void nameOfExactlyTheMaximumLengthRoundTrips() {
        int maxNameLength = Math.min(store().limits().maxNameLength(), SecretName.MAX_LENGTH);
        int fill = maxNameLength - scope().length();
        Assumptions.assumeTrue(fill > 0, () -> "the run's name scope alone is longer than maxNameLength=" + maxNameLength);
        // Varied characters, so a provider that truncates or hashes long names cannot get lucky.
        StringBuilder tail = new StringBuilder();
        for (int i = 0; tail.length() < fill; i++) {
            tail.append(Character.forDigit(i % 36, 36));
            if (tail.length() < fill - 1 && i % 10 == 9) {
                tail.append(i % 20 == 19 ? '_' : 'X');
            }
        }
        SecretName name = name(tail.substring(0, fill));
        assertThat(name.value()).hasSize(maxNameLength);

        store().create(name, text("at the limit"));

        Secret secret = store().read(name);
        assertThat(secret.name().value()).isEqualTo(name.value());
        assertThat(secret.value().text()).isEqualTo("at the limit");
        assertThat(store().describe(name).name().value()).isEqualTo(name.value());
        assertThat(listedInScope()).containsExactly(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNames")
    @DisplayName("an invalid name is rejected when the name is built, before any store is involved")
    void invalidNameIsRejectedBeforeAnyIo(String invalid) {
        OptionalLong writesBefore = writeAttemptsIfCounted();

        Throwable failure = catchThrowable(() -> SecretName.of(invalid));

        assertThat(failure).isInstanceOf(InvalidSecretNameException.class);
        assertThat(failure.getMessage()).as("the message says which rule was broken").isNotBlank();
        assertNoWriteAttemptSince(writesBefore, "an invalid name");
    }

    @Test
    @DisplayName("a portable name longer than the store's maximum is rejected before any I/O")
    void nameOverTheStoresMaximumLengthIsRejectedBeforeAnyIo() {
        int maxNameLength = store().limits().maxNameLength();
        if (maxNameLength >= 255) {
            Assumptions.abort("every portable name (at most 255 characters) fits this store (maxNameLength="
                    + maxNameLength + "), so there is no over-long name to reject");
        }
        int fill = maxNameLength + 1 - scope().length();
        Assumptions.assumeTrue(fill > 0, () -> "the run's name scope alone is longer than maxNameLength=" + maxNameLength);
        // Not registered for clean-up: the store cannot even look up a name this long.
        SecretName tooLong = SecretName.of(scope() + "x".repeat(fill));
        OptionalLong writesBefore = writeAttemptsIfCounted();

        Throwable failure = catchThrowable(() -> store().create(tooLong, text("never stored")));

        assertThat(failure).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(String.valueOf(maxNameLength));
        assertNoWriteAttemptSince(writesBefore, "an over-long name");
        assertThat(listedInScope()).isEmpty();
    }
}
