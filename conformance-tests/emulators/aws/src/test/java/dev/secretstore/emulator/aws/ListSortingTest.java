package dev.secretstore.emulator.aws;

import static dev.secretstore.emulator.aws.AwsErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SortByType;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;

/**
 * ListSecrets ordering: by CreatedDate unless SortBy names another key, in the SortOrder asked for. Secrets are
 * created one emulator-second apart (the clock is moved, never slept on), in an order that differs from their names.
 */
class ListSortingTest {
    private static final Duration STEP = Duration.ofSeconds(1);
    private static AwsSecretsManagerEmulator emulator;
    private static SecretsManagerClient client;

    @BeforeAll
    static void start() {
        emulator = AwsSecretsManagerEmulator.builder().build().start();
        client = Clients.secretsManager(emulator.endpoint(), Clients.admin());
        for (String name : List.of("sort/b", "sort/a", "sort/c")) {
            tick();
            client.createSecret(b -> b.name(name).secretString("v"));
        }
        client.createSecret(b -> b.name("unsorted/x").secretString("v"));
    }

    private static void tick() {
        emulator.advanceClock(STEP);
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.stop();
        SdkGlobalTime.setGlobalTimeOffset(0);
    }

    private static List<String> names(Consumer<ListSecretsRequest.Builder> request) {
        return client.listSecrets(b -> {
            b.filters(Filter.builder().key(FilterNameStringType.NAME).values("sort/").build());
            request.accept(b);
        }).secretList().stream().map(SecretListEntry::name).toList();
    }

    @Test
    void defaultOrderIsByCreationAndSortOrderReversesIt() {
        assertThat(names(b -> { })).containsExactly("sort/b", "sort/a", "sort/c");
        assertThat(names(b -> b.sortOrder(SortOrderType.ASC))).containsExactly("sort/b", "sort/a", "sort/c");
        assertThat(names(b -> b.sortOrder(SortOrderType.DESC))).containsExactly("sort/c", "sort/a", "sort/b");
    }

    @Test
    void sortByNameAndByLastChangedDate() {
        assertThat(names(b -> b.sortBy(SortByType.NAME))).containsExactly("sort/a", "sort/b", "sort/c");
        assertThat(names(b -> b.sortBy(SortByType.NAME).sortOrder(SortOrderType.DESC)))
                .containsExactly("sort/c", "sort/b", "sort/a");

        tick();
        client.updateSecret(b -> b.secretId("sort/a").description("changed last"));
        assertThat(names(b -> b.sortBy(SortByType.LAST_CHANGED_DATE))).containsExactly("sort/b", "sort/c", "sort/a");
    }

    @Test
    void unknownSortKeysAreRefused() {
        expectError(() -> client.listSecrets(b -> b.sortBy("colour")), "ValidationException", 400,
                "1 validation error detected: Value at 'sortBy' failed to satisfy constraint: Member must satisfy "
                        + "enum value set: [created-date, last-accessed-date, last-changed-date, name]");
        expectError(() -> client.listSecrets(b -> b.sortOrder("sideways")), "ValidationException", 400, null);
    }
}
