package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.testing.InMemorySpi;
import dev.secretstore.testing.MemoryProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Engine rules")
class EngineRulesTest {

    static final String TAG = "AirbyteManaged";
    final InMemorySpi spi = new InMemorySpi(StoreLimits.builder().maxValueBytes(16).maxTags(4).build(), TAG);
    final SecretStore store = SecretStores.open(new MemoryProvider(spi), Map.of());
    final SecretName name = SecretName.of("db/password");

    @Nested
    @DisplayName("Managed tag")
    class ManagedTag {

        @Test
        @DisplayName("create and put add <tagKey>=true next to the user's tags")
        void added() {
            SecretMetadata created = store.create(name, SecretValue.ofText("v1"), Map.of("team", "data"));
            assertThat(created.tags()).containsEntry(TAG, "true").containsEntry("team", "data");
            assertThat(spi.rawTags(name)).containsEntry(TAG, "true");
            store.put(SecretName.of("other"), SecretValue.ofText("v"));
            assertThat(spi.rawTags(SecretName.of("other"))).containsEntry(TAG, "true");
        }

        @ParameterizedTest
        @ValueSource(strings = {"AirbyteManaged", "airbytemanaged", "AIRBYTEMANAGED", " AirbyteManaged "})
        @DisplayName("user tags may not set the managed tag key in any case, and nothing is written")
        void spoofRefused(String key) {
            InvalidRequestException e = catchThrowableOfType(() -> store.create(name, SecretValue.ofText("v"),
                    Map.of(key, "false")), InvalidRequestException.class);
            assertThat(e.getMessage()).contains("managed tag key 'AirbyteManaged'");
            assertThat(e.operation()).contains(Operation.CREATE);
            assertThat(spi.calls()).isZero();
            store.create(name, SecretValue.ofText("v"));
            assertThatThrownBy(() -> store.put(name, SecretValue.ofText("v2"), Map.of(key, "false")))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(spi.rawTags(name)).containsEntry(TAG, "true");
            assertThat(spi.versionCount(name)).isEqualTo(1);
        }

        @Test
        @DisplayName("put adds a version and merges new user tags into the existing ones")
        void putMerges() {
            store.put(name, SecretValue.ofText("v1"), Map.of("team", "data"));
            SecretMetadata after = store.put(name, SecretValue.ofText("v2"), Map.of("env", "prod"));
            assertThat(after.tags()).containsEntry("team", "data").containsEntry("env", "prod").containsEntry(TAG, "true");
            assertThat(spi.rawTags(name)).containsEntry("team", "data").containsEntry("env", "prod");
            assertThat(store.read(name).value().text()).isEqualTo("v2");
            assertThat(store.read(name, "1").value().text()).isEqualTo("v1");
        }

        @Test
        @DisplayName("a put whose tag update is denied changes nothing: no new version, no new tags")
        void putWithDeniedTagsWritesNoValue() {
            store.create(name, SecretValue.ofText("v1"), Map.of("team", "data"));
            spi.denyTagUpdates();

            assertThatThrownBy(() -> store.put(name, SecretValue.ofText("v2"), Map.of("env", "prod")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(spi.versionCount(name)).as("versions after the failed put").isEqualTo(1);
            assertThat(spi.rawLatest(name)).hasValueSatisfying(
                    bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("v1"));
            assertThat(spi.rawTags(name)).isEqualTo(Map.of(TAG, "true", "team", "data"));
            assertThat(store.put(name, SecretValue.ofText("v2")).version()).as("a put without tags still works")
                    .contains("2");
        }
    }

    @Nested
    @DisplayName("Secrets that are not ours")
    class Foreign {

        final SecretName foreign = SecretName.of("theirs");
        final byte[] original = "original".getBytes(StandardCharsets.UTF_8);

        Foreign() {
            spi.plant(foreign, SecretValue.ofBytes(original), Map.of("owner", "someone-else"));
        }

        @Test
        @DisplayName("put is refused with NotManaged and the secret is unchanged")
        void putRefused() {
            NotManagedException e = catchThrowableOfType(() -> store.put(foreign, SecretValue.ofText("new"),
                    Map.of("x", "y")), NotManagedException.class);
            assertThat(e.provider()).isEqualTo("memory");
            assertThat(e.operation()).contains(Operation.PUT);
            assertThat(e.secretName()).contains(foreign);
            assertThat(spi.rawLatest(foreign)).hasValue(original);
            assertThat(spi.rawTags(foreign)).isEqualTo(Map.of("owner", "someone-else"));
            assertThat(spi.versionCount(foreign)).isEqualTo(1);
        }

        @Test
        @DisplayName("delete is refused with NotManaged and the secret is still there")
        void deleteRefused() {
            assertThatThrownBy(() -> store.delete(foreign, DeleteOptions.force())).isInstanceOf(NotManagedException.class)
                    .hasMessageContaining("does not carry AirbyteManaged=true");
            assertThat(spi.rawLatest(foreign)).hasValue(original);
        }

        @Test
        @DisplayName("a secret tagged <tagKey>=false is not managed either")
        void falseIsNotManaged() {
            spi.plant(foreign, SecretValue.ofText("x"), Map.of(TAG, "false"));
            assertThatThrownBy(() -> store.put(foreign, SecretValue.ofText("y"))).isInstanceOf(NotManagedException.class);
        }

        @Test
        @DisplayName("list leaves out managed secrets scheduled for deletion")
        void listHidesScheduledForDeletion() {
            InMemorySpi scheduling = new InMemorySpi() {
                @Override
                public synchronized Page<SecretMetadata> list(ListOptions options) {
                    Page<SecretMetadata> page = super.list(options);
                    return Page.of(page.items().stream().map(m -> m.name().value().startsWith("gone")
                            ? m.toBuilder().deletionDate(java.time.Instant.now()).build() : m)
                            .collect(Collectors.toList()), page.nextPageToken().orElse(null));
                }
            };
            SecretStore s = SecretStores.open(new MemoryProvider(scheduling), Map.of());
            s.create(SecretName.of("gone/a"), SecretValue.ofText("a"));
            s.create(SecretName.of("live/b"), SecretValue.ofText("b"));
            assertThat(s.listAll(null).map(m -> m.name().value())).containsExactly("live/b");
        }

        @Test
        @DisplayName("read and describe work on it")
        void readable() {
            assertThat(store.read(foreign).value().bytes()).isEqualTo(original);
            assertThat(store.describe(foreign).isManaged(TAG)).isFalse();
        }

        @Test
        @DisplayName("list shows only managed secrets")
        void listFilters() {
            store.create(SecretName.of("mine/a"), SecretValue.ofText("a"));
            store.create(SecretName.of("mine/b"), SecretValue.ofText("b"));
            List<String> listed = store.list(ListOptions.defaults()).items().stream().map(m -> m.name().value())
                    .collect(Collectors.toList());
            assertThat(listed).containsExactly("mine/a", "mine/b");
        }
    }

    @Nested
    @DisplayName("Reads")
    class Reads {

        @Test
        @DisplayName("readAll gives a result per name: values for present ones, NotFound for missing ones")
        void readAllMixed() {
            store.create(SecretName.of("a"), SecretValue.ofText("va"));
            store.create(SecretName.of("c"), SecretValue.ofText("vc"));
            Map<SecretName, ReadResult> results = store.readAll(List.of(SecretName.of("a"), SecretName.of("b"),
                    SecretName.of("c"), SecretName.of("a")));
            assertThat(results.keySet()).extracting(SecretName::value).containsExactly("a", "b", "c");
            assertThat(results.get(SecretName.of("a")).secret().orElseThrow().value().text()).isEqualTo("va");
            assertThat(results.get(SecretName.of("c")).isPresent()).isTrue();
            ReadResult missing = results.get(SecretName.of("b"));
            assertThat(missing.isPresent()).isFalse();
            assertThat(missing.failure()).containsInstanceOf(SecretNotFoundException.class);
            assertThat(missing.failure().orElseThrow().provider()).isEqualTo("memory");
            assertThat(missing.failure().orElseThrow().secretName()).contains(SecretName.of("b"));
        }

        @Test
        @DisplayName("readAll of many names with repeats: one result per distinct name, in first-seen order")
        void readAllManyWithRepeats() {
            List<SecretName> asked = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                store.create(SecretName.of("n" + i), SecretValue.ofText("v" + i));
            }
            for (int i = 19; i >= 0; i--) {
                asked.add(SecretName.of("n" + i));
                asked.add(SecretName.of("n" + (19 - i))); // every name twice, the second time out of order
            }
            Map<SecretName, ReadResult> results = store.readAll(asked);
            List<String> expected = new java.util.ArrayList<>();
            for (int i = 19; i >= 10; i--) {
                expected.add("n" + i);
                expected.add("n" + (19 - i));
            }
            assertThat(results.keySet()).extracting(SecretName::value).containsExactlyElementsOf(expected);
            assertThat(results.get(SecretName.of("n7")).secret().orElseThrow().value().text()).isEqualTo("v7");
        }

        @Test
        @DisplayName("find is empty for a missing secret; describe raises NotFound naming it")
        void findAndDescribe() {
            assertThat(store.find(name)).isEmpty();
            SecretNotFoundException e = catchThrowableOfType(() -> store.describe(name), SecretNotFoundException.class);
            assertThat(e.getMessage()).isEqualTo("memory: describe 'db/password' not found: no such secret");
            assertThatThrownBy(() -> store.read(name)).isInstanceOf(SecretNotFoundException.class)
                    .hasMessageStartingWith("memory: read 'db/password' not found");
        }

        @Test
        @DisplayName("listAll streams every page lazily, filtered by prefix")
        void listAllPages() {
            for (int i = 0; i < 250; i++) {
                spi.plant(SecretName.of(String.format("p/%03d", i)), SecretValue.ofText("x"), Map.of(TAG, "true"));
            }
            spi.plant(SecretName.of("q/1"), SecretValue.ofText("x"), Map.of(TAG, "true"));
            assertThat(store.listAll("p/").count()).isEqualTo(250);
            assertThat(store.list(ListOptions.withPrefix("p/")).nextPageToken()).isPresent();
            assertThat(store.listAll(null).count()).isEqualTo(251);
        }
    }

    @Nested
    @DisplayName("Checks before any I/O")
    class BeforeIo {

        @Test
        @DisplayName("a value over maxValueBytes is refused with the size and limit, nothing written")
        void tooLarge() {
            SecretTooLargeException e = catchThrowableOfType(() -> store.put(name, SecretValue.ofText("x".repeat(17))),
                    SecretTooLargeException.class);
            assertThat(e.size()).isEqualTo(17);
            assertThat(e.limit()).isEqualTo(16);
            assertThat(e.getMessage()).contains("17 bytes").contains("16 bytes").contains("db/password");
            assertThat(spi.calls()).isZero();
            store.put(name, SecretValue.ofText("x".repeat(16)));
            assertThat(spi.rawLatest(name)).isPresent();
        }

        @Test
        @DisplayName("too many tags are refused, the managed tag counted")
        void tooManyTags() {
            assertThatThrownBy(() -> store.create(name, SecretValue.ofText("v"),
                    Map.of("a", "1", "b", "2", "c", "3", "d", "4"))).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("at most 4");
            assertThat(spi.calls()).isZero();
        }

        @Test
        @DisplayName("a capability the provider lacks is 'This provider does not support X'")
        void unsupported() {
            assertThatThrownBy(() -> store.delete(name, DeleteOptions.recoveryWindow(java.time.Duration.ofDays(7))))
                    .isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("This provider does not support SOFT_DELETE");
            assertThatThrownBy(() -> store.restore(name)).isInstanceOf(UnsupportedCapabilityException.class)
                    .hasMessageContaining("This provider does not support RESTORE");
            assertThat(spi.calls()).isZero();
        }
    }

    @Nested
    @DisplayName("Errors")
    class Errors {

        @Test
        @DisplayName("a foreign RuntimeException is wrapped naming its class, never its message")
        void wrapsForeign() {
            spi.failWith(() -> new IllegalStateException("leaked canary-value-42"));
            SecretStoreException e = catchThrowableOfType(() -> store.read(name), SecretStoreException.class);
            assertThat(e.getClass()).isEqualTo(SecretStoreException.class);
            assertThat(e.getMessage()).contains("memory: read 'db/password'").contains("IllegalStateException")
                    .doesNotContain("canary-value-42");
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        }

        @Test
        @DisplayName("a provider exception without context gains provider, operation and name")
        void fillsContext() {
            spi.failWith(() -> new StoreUnavailableException("connection reset"));
            StoreUnavailableException e = catchThrowableOfType(() -> store.delete(name), StoreUnavailableException.class);
            assertThat(e.provider()).isEqualTo("memory");
            assertThat(e.operation()).contains(Operation.DELETE);
            assertThat(e.secretName()).contains(name);
            assertThat(e.getMessage()).isEqualTo("memory: delete 'db/password' unavailable: connection reset");
        }

        @Test
        @DisplayName("delete of a missing secret is NotFound")
        void deleteMissing() {
            assertThatThrownBy(() -> store.delete(name)).isInstanceOf(SecretNotFoundException.class);
        }

        @Test
        @DisplayName("delete then recreate the same name works")
        void deleteRecreate() {
            store.create(name, SecretValue.ofText("a"));
            assertThatThrownBy(() -> store.create(name, SecretValue.ofText("b")))
                    .isInstanceOf(SecretAlreadyExistsException.class);
            store.delete(name, DeleteOptions.force());
            store.create(name, SecretValue.ofText("b"));
            assertThat(store.read(name).value().text()).isEqualTo("b");
        }
    }
}
