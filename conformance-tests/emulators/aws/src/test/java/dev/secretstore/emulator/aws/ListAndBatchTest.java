package dev.secretstore.emulator.aws;

import static dev.secretstore.emulator.aws.AwsErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** ListSecrets filters, negation, paging, IncludePlannedDeletion; BatchGetSecretValue by ids and by filters. */
class ListAndBatchTest {
    private static AwsSecretsManagerEmulator emulator;
    private static SecretsManagerClient client;

    @BeforeAll
    static void start() {
        emulator = AwsSecretsManagerEmulator.builder().build().start();
        client = Clients.secretsManager(emulator.endpoint(), Clients.admin());
        for (int i = 0; i < 5; i++) {
            int n = i;
            client.createSecret(b -> b.name("list/alpha-" + n).secretString("a" + n)
                    .tags(Tag.builder().key("AirbyteManaged").value("true").build(),
                            Tag.builder().key("team").value(n % 2 == 0 ? "even" : "odd").build()));
        }
        client.createSecret(b -> b.name("list/beta").secretString("b").description("Beta Credentials"));
        client.createSecret(b -> b.name("other/gamma").secretString("g"));
        client.createSecret(b -> b.name("list/deleted").secretString("d"));
        client.deleteSecret(b -> b.secretId("list/deleted"));
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.stop();
    }

    private static Filter filter(FilterNameStringType key, String... values) {
        return Filter.builder().key(key).values(values).build();
    }

    private static List<String> names(ListSecretsResponse r) {
        return r.secretList().stream().map(SecretListEntry::name).toList();
    }

    @Test
    void nameFilterIsACaseSensitivePrefix() {
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "list/")))))
                .containsExactlyInAnyOrder("list/alpha-0", "list/alpha-1", "list/alpha-2", "list/alpha-3",
                        "list/alpha-4", "list/beta");
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "LIST/"))))).isEmpty();
    }

    @Test
    void negatedValuesExclude() {
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "list/"),
                filter(FilterNameStringType.NAME, "!list/alpha"))))).containsExactly("list/beta");
    }

    @Test
    void tagKeyAndTagValueFilters() {
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.TAG_KEY, "AirbyteManaged")))))
                .hasSize(5);
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.TAG_KEY, "team"),
                filter(FilterNameStringType.TAG_VALUE, "od"))))).containsExactlyInAnyOrder("list/alpha-1",
                "list/alpha-3");
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.TAG_KEY, "!AirbyteManaged")))))
                .containsExactlyInAnyOrder("list/beta", "other/gamma");
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.DESCRIPTION, "beta cred")))))
                .containsExactly("list/beta");
    }

    @Test
    void valuesOfOneFilterAreOredNegationsExcludeAndFiltersAreAnded() {
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "list/beta", "other/")))))
                .containsExactlyInAnyOrder("list/beta", "other/gamma");
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "!list/alpha",
                "!other/"))))).containsExactly("list/beta");
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.TAG_VALUE, "!even")))))
                .containsExactlyInAnyOrder("list/alpha-1", "list/alpha-3", "list/beta", "other/gamma");
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.TAG_VALUE, "even", "od"),
                filter(FilterNameStringType.NAME, "list/alpha-1", "list/alpha-2")))))
                .containsExactlyInAnyOrder("list/alpha-1", "list/alpha-2");
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.TAG_VALUE, "Even")))))
                .as("tag-value is case-sensitive").isEmpty();
    }

    @Test
    void pagingWalksEverySecretOnce() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListSecretsResponse page = client.listSecrets(b -> b.maxResults(2).nextToken(t));
            assertThat(page.secretList()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(names(page));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().doesNotContain("list/deleted");
        assertThat(client.listSecretsPaginator(b -> b.maxResults(3)).stream()
                .mapToLong(p -> p.secretList().size()).sum()).isEqualTo(7L);
        expectError(() -> client.listSecrets(b -> b.nextToken("garbage!")), "InvalidNextTokenException", 400,
                "The NextToken value is invalid.");
    }

    @Test
    void includePlannedDeletionShowsScheduledSecrets() {
        ListSecretsResponse all = client.listSecrets(b -> b.includePlannedDeletion(true)
                .filters(filter(FilterNameStringType.NAME, "list/deleted")));
        assertThat(names(all)).containsExactly("list/deleted");
        assertThat(all.secretList().get(0).deletedDate()).isNotNull();
        assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "list/deleted")))))
                .isEmpty();
    }

    @Test
    void listEntriesCarryTagsAndVersionStages() {
        SecretListEntry entry = client.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "list/alpha-0")))
                .secretList().get(0);
        assertThat(entry.tags()).extracting(Tag::key).containsExactly("AirbyteManaged", "team");
        assertThat(entry.secretVersionsToStages().values()).containsExactly(List.of("AWSCURRENT"));
        assertThat(entry.arn()).contains(":secret:list/alpha-0-");
    }

    @Test
    void batchByIdsReturnsValuesAndPerIdErrors() {
        BatchGetSecretValueResponse r = client.batchGetSecretValue(b -> b.secretIdList("list/alpha-0", "list/beta",
                "missing", "list/deleted"));
        assertThat(r.secretValues()).extracting(SecretValueEntry::name, SecretValueEntry::secretString)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("list/alpha-0", "a0"),
                        org.assertj.core.groups.Tuple.tuple("list/beta", "b"));
        assertThat(r.errors()).extracting(APIErrorType::secretId, APIErrorType::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("missing", "ResourceNotFoundException"),
                        org.assertj.core.groups.Tuple.tuple("list/deleted", "InvalidRequestException"));
        assertThat(r.errors().get(0).message()).isEqualTo("Secrets Manager can't find the specified secret.");
    }

    @Test
    void batchAcceptsAtMost20Ids() {
        String[] ids = new String[21];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "id" + i;
        }
        expectError(() -> client.batchGetSecretValue(b -> b.secretIdList(ids)), "ValidationException", 400,
                "1 validation error detected: Value at 'secretIdList' failed to satisfy constraint: Member must have "
                        + "length less than or equal to 20");
        expectError(() -> client.batchGetSecretValue(b -> b.secretIdList("a").filters(filter(
                FilterNameStringType.NAME, "list/"))), "InvalidParameterException", 400, null);
    }

    @Test
    void batchByFiltersPages() {
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            BatchGetSecretValueResponse page = client.batchGetSecretValue(b -> b.maxResults(2).nextToken(t)
                    .filters(filter(FilterNameStringType.TAG_KEY, "AirbyteManaged")));
            assertThat(page.errors()).isEmpty();
            page.secretValues().forEach(v -> names.add(v.name()));
            token = page.nextToken();
        } while (token != null);
        assertThat(names).containsExactlyInAnyOrder("list/alpha-0", "list/alpha-1", "list/alpha-2", "list/alpha-3",
                "list/alpha-4");
    }

    @Test
    void unknownFilterKeyIsAValidationError() {
        expectError(() -> client.listSecrets(b -> b.filters(Filter.builder().key("colour").values("x").build())),
                "ValidationException", 400, null);
    }
}
