package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.Capability;
import dev.secretstore.DeleteOptions;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.ListOptions;
import dev.secretstore.NotManagedException;
import dev.secretstore.Operation;
import dev.secretstore.Page;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import dev.secretstore.UnsupportedCapabilityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Group 3: every write carries the managed tag, and nothing without it is ever changed. */
abstract class OwnershipTests extends ConformanceGroup {

    private static final Map<String, String> FOREIGN_TAGS = Map.of("owner", "another-team");

    @Test
    @DisplayName("a created secret carries <managedTagKey>=true")
    void createdSecretCarriesTheManagedTag() {
        SecretName name = name("created");

        store().create(name, text("v1"));

        assertManaged(name);
    }

    @Test
    @DisplayName("a secret updated by put still carries <managedTagKey>=true")
    void updatedSecretCarriesTheManagedTag() {
        SecretName name = name("updated");
        store().create(name, text("v1"));

        store().put(name, text("v2"));

        assertManaged(name);
    }

    @Test
    @DisplayName("a secret created by put carries <managedTagKey>=true")
    void secretCreatedByPutCarriesTheManagedTag() {
        SecretName name = name("put-created");

        store().put(name, text("v1"));

        assertManaged(name);
    }

    @Test
    @DisplayName("user tags survive later updates, and new ones are merged in (or TAGS is reported as not supported)")
    void userTagsSurviveUpdates() {
        SecretName name = name("tagged");
        if (!supports(Capability.TAGS)) {
            assertNotSupported(() -> store().create(name, text("v1"), Map.of("team", "data")), Capability.TAGS);
            assertNothingStoredAt(name);
            return;
        }
        store().create(name, text("v1"), Map.of("team", "data", "env", "test"));

        store().put(name, text("v2"), Map.of("owner", "platform"));
        store().put(name, text("v3"));

        assertThat(store().describe(name).tags())
                .containsEntry("team", "data")
                .containsEntry("env", "test")
                .containsEntry("owner", "platform")
                .containsEntry(store().managedTagKey(), "true");
        assertThat(store().read(name).value().text()).isEqualTo("v3");
    }

    @Test
    @DisplayName("list returns only managed secrets, page after page")
    void everyListedSecretIsManaged() {
        List<SecretName> names = List.of(name("listed-a"), name("listed-b"), name("listed-c"));
        names.forEach(name -> store().create(name, text("v")));

        List<SecretMetadata> listed = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            ListOptions.Builder options = ListOptions.builder().pageSize(2)
                    .prefix(supports(Capability.LIST_BY_PREFIX) ? scope() : null);
            token.ifPresent(options::pageToken);
            Page<SecretMetadata> page = store().list(options.build());
            page.items().stream().filter(metadata -> metadata.name().value().startsWith(scope())).forEach(listed::add);
            token = page.nextPageToken();
        } while (token.isPresent());

        assertThat(listed).extracting(SecretMetadata::name).containsExactlyInAnyOrderElementsOf(names);
        assertThat(listed).allSatisfy(metadata -> assertThat(metadata.isManaged(store().managedTagKey())).isTrue());
    }

    @Test
    @DisplayName("list by prefix returns only the names under that prefix (or LIST_BY_PREFIX is reported as not supported)")
    void listByPrefixReturnsOnlyNamesUnderIt() {
        SecretName inside = name("team-a/db");
        SecretName sibling = name("team-ab/db");
        store().create(inside, text("a"));
        store().create(sibling, text("ab"));
        String prefix = scope() + "team-a/";

        if (!supports(Capability.LIST_BY_PREFIX)) {
            assertNotSupported(() -> store().list(ListOptions.withPrefix(prefix)), Capability.LIST_BY_PREFIX);
            return;
        }
        try (var listed = store().listAll(prefix)) {
            assertThat(listed.map(SecretMetadata::name)).containsExactly(inside);
        }
    }

    @Test
    @DisplayName("a foreign secret is never listed, even when tagged <managedTagKey>=false")
    void foreignSecretsAreNotListed() {
        SecretName ours = name("ours");
        store().create(ours, text("ours"));
        plantForeign("foreign-untagged", text("theirs"), FOREIGN_TAGS);
        plantForeign("foreign-false", text("theirs"), Map.of(store().managedTagKey(), "false"));

        assertThat(listedInScope()).containsExactly(ours);
    }

    @Test
    @DisplayName("a foreign secret can be read and described, and reading changes nothing")
    void foreignSecretCanBeRead() {
        SecretName foreign = plantForeign("foreign", text("theirs"), FOREIGN_TAGS);
        ForeignSnapshot before = ForeignSnapshot.of(planter(), foreign);

        assertThat(store().read(foreign).value().text()).isEqualTo("theirs");
        assertThat(store().describe(foreign).isManaged(store().managedTagKey())).isFalse();

        before.assertUnchanged(planter(), foreign);
    }

    @Test
    @DisplayName("put refuses a foreign secret with NotManagedException and leaves it byte-for-byte unchanged")
    void putRefusesAForeignSecret() {
        SecretName foreign = plantForeign("foreign", text("theirs"), FOREIGN_TAGS);
        ForeignSnapshot before = ForeignSnapshot.of(planter(), foreign);

        assertNotManaged(() -> store().put(foreign, text("ours now")), foreign, Operation.PUT);
        if (supports(Capability.TAGS)) {
            assertNotManaged(() -> store().put(foreign, text("ours now"), Map.of("team", "data")), foreign, Operation.PUT);
        } else {
            assertNotSupported(() -> store().put(foreign, text("ours now"), Map.of("team", "data")), Capability.TAGS);
        }

        before.assertUnchanged(planter(), foreign);
    }

    @Test
    @DisplayName("delete refuses a foreign secret with NotManagedException, even forced, and leaves it unchanged")
    void deleteRefusesAForeignSecret() {
        SecretName foreign = plantForeign("foreign", text("theirs"), FOREIGN_TAGS);
        ForeignSnapshot before = ForeignSnapshot.of(planter(), foreign);

        assertNotManaged(() -> store().delete(foreign), foreign, Operation.DELETE);
        assertNotManaged(() -> store().delete(foreign, DeleteOptions.force()), foreign, Operation.DELETE);

        before.assertUnchanged(planter(), foreign);
    }

    @Test
    @DisplayName("a foreign secret tagged <managedTagKey>=false is still foreign: put and delete are refused")
    void secretTaggedManagedFalseIsForeign() {
        SecretName foreign = plantForeign("looks-managed", SecretValue.ofText("theirs"),
                Map.of(store().managedTagKey(), "false"));
        ForeignSnapshot before = ForeignSnapshot.of(planter(), foreign);

        assertNotManaged(() -> store().put(foreign, text("ours now")), foreign, Operation.PUT);
        assertNotManaged(() -> store().delete(foreign), foreign, Operation.DELETE);

        before.assertUnchanged(planter(), foreign);
    }

    @Test
    @DisplayName("create refuses a foreign secret's name with an error, never by taking it over")
    void createRefusesAForeignSecretsName() {
        SecretName foreign = plantForeign("foreign", text("theirs"), FOREIGN_TAGS);
        ForeignSnapshot before = ForeignSnapshot.of(planter(), foreign);

        Throwable failure = catchThrowable(() -> store().create(foreign, text("ours now")));

        assertThat(failure).isInstanceOfAny(SecretAlreadyExistsException.class, NotManagedException.class);
        before.assertUnchanged(planter(), foreign);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ManagedTagSpoof.class)
    @DisplayName("create refuses user tags that would set or fake the managed tag, and writes nothing")
    void createRefusesManagedTagInUserTags(ManagedTagSpoof spoof) {
        SecretName name = name("spoofed");

        Throwable failure = catchThrowable(() -> store().create(name, text("v1"), spoof.tags(store().managedTagKey())));

        assertRefusedAsInvalid(failure);
        assertNothingStoredAt(name);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ManagedTagSpoof.class)
    @DisplayName("put refuses user tags that would change or remove the managed tag, and changes nothing")
    void putRefusesManagedTagInUserTags(ManagedTagSpoof spoof) {
        SecretName name = name("spoofed");
        store().create(name, text("v1"));

        Throwable failure = catchThrowable(() -> store().put(name, text("v2"), spoof.tags(store().managedTagKey())));

        assertRefusedAsInvalid(failure);
        assertThat(store().read(name).value().text()).isEqualTo("v1");
        assertManaged(name);
    }

    private void assertRefusedAsInvalid(Throwable failure) {
        if (supports(Capability.TAGS)) {
            assertThat(failure).isInstanceOf(InvalidRequestException.class)
                    .as("the error names the managed tag it protects")
                    .hasMessageFindingMatch("(?i)" + Pattern.quote(store().managedTagKey()));
        } else {
            // Without TAGS, refusing user tags altogether is just as safe.
            assertThat(failure).isInstanceOfAny(InvalidRequestException.class, UnsupportedCapabilityException.class);
        }
    }

    private void assertManaged(SecretName name) {
        SecretMetadata metadata = store().describe(name);
        assertThat(metadata.tags()).containsEntry(store().managedTagKey(), "true");
        assertThat(metadata.isManaged(store().managedTagKey())).isTrue();
    }

    private void assertNotManaged(ThrowingCallable call, SecretName name, Operation operation) {
        Throwable failure = catchThrowable(call);
        assertThat(failure).isInstanceOf(NotManagedException.class);
        NotManagedException notManaged = (NotManagedException) failure;
        assertThat(notManaged.secretName()).contains(name);
        assertThat(notManaged.operation()).contains(operation);
        assertThat(notManaged.provider()).isEqualTo(store().providerName());
    }
}
