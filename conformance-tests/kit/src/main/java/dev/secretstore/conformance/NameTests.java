package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.InvalidRequestException;
import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.Capability;
import dev.secretstore.SecretMetadata;
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

    /**
     * The name is made of lower-case letters and digits only (see {@link ConformanceGroup#plainName}),
     * characters every cloud's native names hold as they are: a store whose codec escapes other characters
     * (Azure's case-insensitive names, GCP's {@code /}) still holds a plain name of exactly its declared
     * maximum. Names full of separators are the next test's business.
     */
    @Test
    @DisplayName("a plain name of exactly the store's maxNameLength round-trips with its exact name")
    void nameOfExactlyTheMaximumLengthRoundTrips() {
        int maxNameLength = Math.min(store().limits().maxNameLength(), SecretName.MAX_LENGTH);
        int fill = maxNameLength - plainScope().length();
        Assumptions.assumeTrue(fill > 0, () -> "the run's name scope alone is longer than maxNameLength=" + maxNameLength);
        // Varied characters, so a provider that truncates or hashes long names cannot get lucky.
        StringBuilder tail = new StringBuilder();
        for (int i = 0; tail.length() < fill; i++) {
            tail.append(Character.forDigit(i % 36, 36));
        }
        SecretName name = plainName(tail.substring(0, fill));
        assertThat(name.value()).hasSize(maxNameLength);

        store().create(name, text("at the limit"));

        Secret secret = store().read(name);
        assertThat(secret.name().value()).isEqualTo(name.value());
        assertThat(secret.value().text()).isEqualTo("at the limit");
        assertThat(store().describe(name).name().value()).isEqualTo(name.value());
        String prefix = supports(Capability.LIST_BY_PREFIX) ? plainScope() : null;
        try (var listed = store().listAll(prefix)) {
            assertThat(listed.map(SecretMetadata::name).filter(n -> n.value().startsWith(plainScope())))
                    .containsExactly(name);
        }
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

    /**
     * A name of {@code maxNameLength} characters using every separator may be longer once a provider's codec
     * has escaped it: it round-trips, or the provider refuses it in {@code checkName}, before any I/O, with
     * {@link InvalidSecretNameException}, never with a failure from the store.
     */
    @Test
    @DisplayName("a name of the store's maximum length full of separators round-trips, or is refused before any I/O")
    void separatorHeavyNameOfTheMaximumLengthRoundTripsOrIsRefusedEarly() {
        int maxNameLength = store().limits().maxNameLength();
        int fill = maxNameLength - scope().length();
        Assumptions.assumeTrue(fill > 0, () -> "the run's name scope alone is " + scope().length()
                + " characters, not shorter than maxNameLength=" + maxNameLength);
        String hint = fill(fill, "Ab_9-c.D/e");
        // Registered for clean-up only once stored: a name the provider refuses cannot even be looked up.
        SecretName separated = SecretName.of(scope() + hint);
        assertThat(separated.value()).hasSize(maxNameLength);
        OptionalLong writesBefore = writeAttemptsIfCounted();

        Throwable refused = catchThrowable(() -> store().create(separated, text("at the limit, separated")));

        if (refused == null) {
            name(hint);
            assertThat(store().read(separated).value().text()).isEqualTo("at the limit, separated");
            assertThat(listedInScope()).containsExactly(separated);
        } else {
            assertThat(refused).as("a name within maxNameLength=%d that the store cannot hold", maxNameLength)
                    .isInstanceOf(InvalidSecretNameException.class);
            assertNoWriteAttemptSince(writesBefore, "a name the provider's checkName refuses");
            assertThat(listedInScope()).isEmpty();
        }
    }

    /**
     * {@link SecretName#MAX_LENGTH} (255) is the longest portable name, and stays so: a name must mean the
     * same secret in every store it may be moved to, and no cloud's native limit above 255 is shared (AWS
     * takes 512 characters, Google Cloud secret ids 255, Azure Key Vault names 127). {@code StoreLimits} caps
     * {@code maxNameLength} at 255; a store whose native names are shorter, or whose name codec lengthens
     * names, declares less, and then gets the "one over its maximum" check below. A store that declares 255
     * (AWS, local) accepts every portable name, so there is no longer name the kit could build: for it the
     * kit checks the one refusal left, that a 256-character name cannot be built at all, so it never
     * reaches any store.
     */
    @Test
    @DisplayName("a portable name longer than the store's maximum is rejected before any I/O")
    void nameOverTheStoresMaximumLengthIsRejectedBeforeAnyIo() {
        int maxNameLength = store().limits().maxNameLength();
        OptionalLong writesBefore = writeAttemptsIfCounted();
        if (maxNameLength >= SecretName.MAX_LENGTH) {
            String overPortable = scope() + "x".repeat(SecretName.MAX_LENGTH + 1 - scope().length());

            Throwable failure = catchThrowable(() -> SecretName.of(overPortable));

            assertThat(failure).as("a %d-character name, over the portable maximum this store declares",
                    overPortable.length()).isInstanceOf(InvalidSecretNameException.class)
                    .hasMessageContaining(String.valueOf(SecretName.MAX_LENGTH));
            assertNoWriteAttemptSince(writesBefore, "a name over the portable maximum");
            return;
        }
        int fill = maxNameLength + 1 - scope().length();
        Assumptions.assumeTrue(fill > 0, () -> "the run's name scope alone is longer than maxNameLength=" + maxNameLength);
        // Not registered for clean-up: the store cannot even look up a name this long.
        SecretName tooLong = SecretName.of(scope() + "x".repeat(fill));

        Throwable failure = catchThrowable(() -> store().create(tooLong, text("never stored")));

        assertThat(failure).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(String.valueOf(maxNameLength));
        assertNoWriteAttemptSince(writesBefore, "an over-long name");
        assertThat(listedInScope()).isEmpty();
    }

    /** {@code length} characters repeating {@code pattern}, ending alphanumeric, so the name stays valid. */
    private static String fill(int length, String pattern) {
        StringBuilder fill = new StringBuilder(pattern.repeat(length / pattern.length() + 1).substring(0, length));
        if (!Character.isLetterOrDigit(fill.charAt(length - 1))) {
            fill.setCharAt(length - 1, 'z');
        }
        return fill.toString();
    }
}
