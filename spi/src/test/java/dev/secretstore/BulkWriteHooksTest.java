package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.testing.InMemorySpi;
import dev.secretstore.testing.MemoryProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Engine hooks for tools that copy many secrets (checkWritable, listVersions)")
class BulkWriteHooksTest {

    static final SecretName NAME = SecretName.of("connections/pg/password");
    static final SecretName TOO_LONG_NATIVE = SecretName.of("refused/native-name-too-long");

    /** Refuses one name the way a provider whose encoded name would not fit does. */
    static class CheckingSpi extends InMemorySpi {
        CheckingSpi(StoreLimits limits) {
            super(limits, "AirbyteManaged");
        }

        @Override
        public void checkName(SecretName name) {
            if (name.equals(TOO_LONG_NATIVE)) {
                throw new InvalidSecretNameException("its native name would be 300 characters; at most 42 fit");
            }
        }

        @Override
        public List<String> listVersions(SecretName name) {
            int count = versionCount(name);
            return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(String::valueOf).toList();
        }
    }

    static SecretStore open(InMemorySpi spi, Set<Capability> extra) {
        return SecretStores.open(new MemoryProvider(spi) {
            @Override
            public Set<Capability> capabilities() {
                Set<Capability> all = EnumSet.copyOf(super.capabilities());
                all.addAll(extra);
                return all;
            }
        }, Map.of());
    }

    @Nested
    @DisplayName("checkWritable")
    class CheckWritable {
        final CheckingSpi spi = new CheckingSpi(StoreLimits.builder().maxTags(3)
                .tagValuePattern(Pattern.compile("[a-z0-9_-]*")).tagCharacters("lowercase letters, digits, _ and -")
                .build());
        final SecretStore store = open(spi, Set.of());

        @Test
        @DisplayName("accepts a name and tags the store can hold, without any store call")
        void accepts() {
            assertThatCode(() -> store.checkWritable(NAME, Map.of("team", "data"))).doesNotThrowAnyException();
            assertThat(spi.calls()).isZero();
        }

        @Test
        @DisplayName("refuses a name the provider cannot encode, with the provider's reason, without any store call")
        void providerNameRule() {
            InvalidSecretNameException e = catchThrowableOfType(InvalidSecretNameException.class,
                    () -> store.checkWritable(TOO_LONG_NATIVE, Map.of()));

            assertThat(e.getMessage()).contains("at most 42 fit");
            assertThat(e.secretName()).contains(TOO_LONG_NATIVE);
            assertThat(e.operation()).contains(Operation.CREATE);
            assertThat(spi.calls()).isZero();
        }

        @Test
        @DisplayName("refuses a tag value outside the store's characters, naming the tag but not its value")
        void tagCharacters() {
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> store.checkWritable(NAME, Map.of("team", "Data Platform")));

            assertThat(e.getMessage()).contains("tag 'team'").contains("lowercase letters").doesNotContain("Data Platform");
            assertThat(spi.calls()).isZero();
        }

        @Test
        @DisplayName("counts the managed tag against the store's tag limit")
        void tagCount() {
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> store.checkWritable(NAME, Map.of("a", "1", "b", "2", "c", "3")));

            assertThat(e.getMessage()).contains("4 tags").contains("at most 3");
            assertThat(spi.calls()).isZero();
        }

        @Test
        @DisplayName("refuses the managed tag key among the user tags, in any case")
        void managedTag() {
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> store.checkWritable(NAME, Map.of("airbytemanaged", "true")));

            assertThat(e.getMessage()).contains("managed tag key");
        }
    }

    @Nested
    @DisplayName("listVersions")
    class ListVersions {

        @Test
        @DisplayName("without LIST_VERSIONS it fails with the standard message before any store call")
        void unsupported() {
            CheckingSpi spi = new CheckingSpi(StoreLimits.defaults());
            SecretStore store = open(spi, Set.of());

            UnsupportedCapabilityException e = catchThrowableOfType(UnsupportedCapabilityException.class,
                    () -> store.listVersions(NAME));

            assertThat(e.getMessage()).contains(UnsupportedCapabilityException.standardMessage(Capability.LIST_VERSIONS));
            assertThat(e.secretName()).contains(NAME);
            assertThat(spi.calls()).isZero();
        }

        @Test
        @DisplayName("with LIST_VERSIONS it returns the provider's ids, oldest first, and each reads back")
        void listed() {
            CheckingSpi spi = new CheckingSpi(StoreLimits.defaults());
            SecretStore store = open(spi, Set.of(Capability.LIST_VERSIONS));
            store.create(NAME, SecretValue.ofText("one"));
            store.put(NAME, SecretValue.ofText("two"));

            List<String> versions = store.listVersions(NAME);

            assertThat(versions).containsExactly("1", "2");
            assertThat(store.read(NAME, versions.get(0)).value().text()).isEqualTo("one");
        }

        @Test
        @DisplayName("a name the provider refuses is refused before any store call")
        void nameChecked() {
            CheckingSpi spi = new CheckingSpi(StoreLimits.defaults());
            SecretStore store = open(spi, Set.of(Capability.LIST_VERSIONS));

            catchThrowableOfType(InvalidSecretNameException.class, () -> store.listVersions(TOO_LONG_NATIVE));

            assertThat(spi.calls()).isZero();
        }
    }
}
