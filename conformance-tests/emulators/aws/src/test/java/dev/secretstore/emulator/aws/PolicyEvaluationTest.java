package dev.secretstore.emulator.aws;

import static dev.secretstore.emulator.aws.AwsErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * IAM identity-policy evaluation as Secrets Manager applies it, including the policy this product documents
 * ({@code ForAllValues:StringEquals} on {@code secretsmanager:ResourceTag/AirbyteManaged}, which holds when the
 * secret has no such tag) next to strict variants that do not.
 */
class PolicyEvaluationTest {
    private static final String ACCOUNT = "123456789012";
    private static final String STATE = """
            {"accounts": [{"id": "123456789012", "users": [
              {"name": "product", "accessKeys": [{"accessKeyId": "AKIAPRODUCT000000001", "secretAccessKey": "p"}],
               "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Action": ["secretsmanager:GetSecretValue", "secretsmanager:CreateSecret", "secretsmanager:ListSecrets",
                            "secretsmanager:DescribeSecret", "secretsmanager:TagResource", "secretsmanager:UpdateSecret",
                            "secretsmanager:PutSecretValue"],
                 "Resource": "*",
                 "Condition": {"ForAllValues:StringEquals": {"secretsmanager:ResourceTag/AirbyteManaged": "true"}}}]}]},
              {"name": "strict", "accessKeys": [{"accessKeyId": "AKIASTRICT0000000001", "secretAccessKey": "s"}],
               "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Action": "secretsmanager:GetSecretValue", "Resource": "*",
                 "Condition": {"StringEquals": {"secretsmanager:ResourceTag/AirbyteManaged": "true"}}}]}]},
              {"name": "nullcheck", "accessKeys": [{"accessKeyId": "AKIANULLCHECK0000001", "secretAccessKey": "n"}],
               "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Action": "secretsmanager:GetSecretValue", "Resource": "*",
                 "Condition": {"Null": {"secretsmanager:ResourceTag/AirbyteManaged": "false"}}}]}]},
              {"name": "creator", "accessKeys": [{"accessKeyId": "AKIACREATOR000000001", "secretAccessKey": "c"}],
               "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Action": "secretsmanager:CreateSecret", "Resource": "*"}]}]},
              {"name": "tagger", "accessKeys": [{"accessKeyId": "AKIATAGGER0000000001", "secretAccessKey": "t"}],
               "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Action": ["secretsmanager:CreateSecret", "secretsmanager:TagResource"], "Resource": "*",
                 "Condition": {"StringEquals": {"aws:RequestTag/AirbyteManaged": "true"},
                               "ForAllValues:StringEquals": {"aws:TagKeys": ["AirbyteManaged", "team"]}}}]}]},
              {"name": "scoped", "accessKeys": [{"accessKeyId": "AKIASCOPED0000000001", "secretAccessKey": "x"}],
               "policies": [{"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"},
                 {"Effect": "Deny", "Action": "secretsmanager:Get*",
                  "Resource": "arn:aws:secretsmanager:*:*:secret:team-b/*"},
                 {"Effect": "Deny", "Action": "secretsmanager:TagResource", "Resource": "*",
                  "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["forbidden"]}}},
                 {"Effect": "Deny", "Action": "secretsmanager:GetSecretValue", "Resource": "*",
                  "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["forbidden"]}}}]}]},
              {"name": "batcher", "accessKeys": [{"accessKeyId": "AKIABATCHER000000001", "secretAccessKey": "b"}],
               "policies": [{"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "secretsmanager:BatchGetSecretValue", "Resource": "*"},
                 {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*",
                  "Condition": {"StringEquals": {"secretsmanager:ResourceTag/AirbyteManaged": "true"}}}]}]},
              {"name": "wildcard", "accessKeys": [{"accessKeyId": "AKIAWILDCARD00000001", "secretAccessKey": "w"}],
               "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Action": "secretsmanager:Get*", "Resource": "arn:aws:secretsmanager:us-east-1:123456789012:secret:team-a/*"}]}]}
            ]}]}
            """;

    private static AwsSecretsManagerEmulator emulator;
    private static SecretsManagerClient admin;
    private static String untaggedArn;
    private static String managedFalseArn;

    @BeforeAll
    static void start() {
        emulator = AwsSecretsManagerEmulator.builder().state(STATE).build().start();
        admin = Clients.secretsManager(emulator.endpoint(), Clients.admin());
        untaggedArn = emulator.plantSecret(SecretSeed.builder("legacy/untagged").secretString("u").build());
        emulator.plantSecret(SecretSeed.builder("managed/yes").secretString("y").tag("AirbyteManaged", "true").build());
        managedFalseArn = emulator.plantSecret(SecretSeed.builder("managed/no").secretString("n")
                .tag("AirbyteManaged", "false").build());
        emulator.plantSecret(SecretSeed.builder("team-a/db").secretString("a").build());
        emulator.plantSecret(SecretSeed.builder("team-b/db").secretString("b").build());
    }

    @AfterAll
    static void stop() {
        admin.close();
        emulator.stop();
    }

    private static SecretsManagerClient as(String keyId, String secret) {
        return Clients.secretsManager(emulator.endpoint(), Clients.keys(keyId, secret));
    }

    private static String denied(String user, String action, String resource) {
        return "User: arn:aws:iam::" + ACCOUNT + ":user/" + user + " is not authorized to perform: " + action
                + " on resource: " + resource + " because no identity-based policy allows the " + action + " action";
    }

    private static String explicitlyDenied(String user, String action, String resource) {
        return "User: arn:aws:iam::" + ACCOUNT + ":user/" + user + " is not authorized to perform: " + action
                + " on resource: " + resource + " with an explicit deny in an identity-based policy";
    }

    @Test
    void productPolicyReadsUntaggedSecretsBecauseForAllValuesHoldsOnAMissingKey() {
        try (SecretsManagerClient product = as("AKIAPRODUCT000000001", "p")) {
            assertThat(product.getSecretValue(b -> b.secretId("legacy/untagged")).secretString()).isEqualTo("u");
            assertThat(product.getSecretValue(b -> b.secretId("managed/yes")).secretString()).isEqualTo("y");
            assertThat(product.listSecrets().secretList()).isNotEmpty();
            expectError(() -> product.getSecretValue(b -> b.secretId("managed/no")), "AccessDeniedException", 400,
                    denied("product", "secretsmanager:GetSecretValue", managedFalseArn));
        }
    }

    @Test
    void productPolicyCannotDelete() {
        try (SecretsManagerClient product = as("AKIAPRODUCT000000001", "p")) {
            expectError(() -> product.deleteSecret(b -> b.secretId("legacy/untagged")), "AccessDeniedException", 400,
                    denied("product", "secretsmanager:DeleteSecret", untaggedArn));
        }
        assertThat(admin.describeSecret(b -> b.secretId("legacy/untagged")).deletedDate()).isNull();
    }

    @Test
    void productPolicyCreatesTaggedSecrets() {
        try (SecretsManagerClient product = as("AKIAPRODUCT000000001", "p")) {
            product.createSecret(b -> b.name("managed/created").secretString("c")
                    .tags(Tag.builder().key("AirbyteManaged").value("true").build()));
            assertThat(product.getSecretValue(b -> b.secretId("managed/created")).secretString()).isEqualTo("c");
        }
    }

    @Test
    void strictStringEqualsRefusesTheUntaggedSecret() {
        try (SecretsManagerClient strict = as("AKIASTRICT0000000001", "s")) {
            assertThat(strict.getSecretValue(b -> b.secretId("managed/yes")).secretString()).isEqualTo("y");
            expectError(() -> strict.getSecretValue(b -> b.secretId("legacy/untagged")), "AccessDeniedException", 400,
                    denied("strict", "secretsmanager:GetSecretValue", untaggedArn));
        }
    }

    @Test
    void nullConditionRequiresTheTagToExist() {
        try (SecretsManagerClient nullcheck = as("AKIANULLCHECK0000001", "n")) {
            assertThat(nullcheck.getSecretValue(b -> b.secretId("managed/no")).secretString()).isEqualTo("n");
            expectError(() -> nullcheck.getSecretValue(b -> b.secretId("legacy/untagged")), "AccessDeniedException",
                    400, denied("nullcheck", "secretsmanager:GetSecretValue", untaggedArn));
        }
    }

    @Test
    void createSecretWithTagsAlsoNeedsTagResource() {
        try (SecretsManagerClient creator = as("AKIACREATOR000000001", "c")) {
            creator.createSecret(b -> b.name("creator/plain").secretString("x"));
            var e = expectError(() -> creator.createSecret(b -> b.name("creator/tagged").secretString("x")
                    .tags(Tag.builder().key("team").value("a").build())), "AccessDeniedException", 400, null);
            assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("User: arn:aws:iam::" + ACCOUNT + ":user/creator is not authorized to perform: "
                            + "secretsmanager:TagResource on resource: arn:aws:secretsmanager:us-east-1:" + ACCOUNT
                            + ":secret:creator/tagged-")
                    .endsWith("because no identity-based policy allows the secretsmanager:TagResource action");
        }
        expectError(() -> admin.describeSecret(b -> b.secretId("creator/tagged")), "ResourceNotFoundException", 400,
                null);
    }

    @Test
    void requestTagAndTagKeysConditionsSeeTheRequestsTags() {
        try (SecretsManagerClient tagger = as("AKIATAGGER0000000001", "t")) {
            tagger.createSecret(b -> b.name("tagger/ok").secretString("x").tags(
                    Tag.builder().key("AirbyteManaged").value("true").build(),
                    Tag.builder().key("team").value("a").build()));
            expectError(() -> tagger.createSecret(b -> b.name("tagger/wrong-value").secretString("x").tags(
                    Tag.builder().key("AirbyteManaged").value("false").build())), "AccessDeniedException", 400, null);
            expectError(() -> tagger.createSecret(b -> b.name("tagger/extra-key").secretString("x").tags(
                    Tag.builder().key("AirbyteManaged").value("true").build(),
                    Tag.builder().key("owner").value("me").build())), "AccessDeniedException", 400, null);
        }
        assertThat(admin.listSecrets(b -> b.filters(software.amazon.awssdk.services.secretsmanager.model.Filter.builder()
                .key("name").values("tagger/").build())).secretList())
                .hasSize(1);
    }

    @Test
    void explicitDenyWinsAndForAnyValueFailsOnAMissingKey() {
        try (SecretsManagerClient scoped = as("AKIASCOPED0000000001", "x")) {
            // ForAnyValue on aws:TagKeys, absent from a GetSecretValue request: the Deny does not apply.
            assertThat(scoped.getSecretValue(b -> b.secretId("team-a/db")).secretString()).isEqualTo("a");
            String teamB = scoped.describeSecret(b -> b.secretId("team-b/db")).arn();
            expectError(() -> scoped.getSecretValue(b -> b.secretId("team-b/db")), "AccessDeniedException", 400,
                    explicitlyDenied("scoped", "secretsmanager:GetSecretValue", teamB));
            scoped.tagResource(b -> b.secretId("team-a/db").tags(Tag.builder().key("fine").value("1").build()));
            String teamA = scoped.describeSecret(b -> b.secretId("team-a/db")).arn();
            expectError(() -> scoped.tagResource(b -> b.secretId("team-a/db").tags(
                    Tag.builder().key("fine").value("2").build(), Tag.builder().key("forbidden").value("1").build())),
                    "AccessDeniedException", 400, explicitlyDenied("scoped", "secretsmanager:TagResource", teamA));
        }
    }

    @Test
    void batchGetReportsEachDeniedSecretInErrorsAndFiltersNeedListSecrets() {
        try (SecretsManagerClient batcher = as("AKIABATCHER000000001", "b")) {
            var r = batcher.batchGetSecretValue(b -> b.secretIdList("managed/yes", "legacy/untagged"));
            assertThat(r.secretValues()).extracting(v -> v.name()).containsExactly("managed/yes");
            assertThat(r.errors()).hasSize(1);
            assertThat(r.errors().get(0).secretId()).isEqualTo("legacy/untagged");
            assertThat(r.errors().get(0).errorCode()).isEqualTo("AccessDeniedException");
            assertThat(r.errors().get(0).message())
                    .isEqualTo(denied("batcher", "secretsmanager:GetSecretValue", untaggedArn));
            expectError(() -> batcher.batchGetSecretValue(b -> b.filters(software.amazon.awssdk.services
                            .secretsmanager.model.Filter.builder().key("name").values("managed/").build())),
                    "AccessDeniedException", 400, denied("batcher", "secretsmanager:ListSecrets", "*"));
        }
        try (SecretsManagerClient strict = as("AKIASTRICT0000000001", "s")) {
            expectError(() -> strict.batchGetSecretValue(b -> b.secretIdList("managed/yes")), "AccessDeniedException",
                    400, denied("strict", "secretsmanager:BatchGetSecretValue", "*"));
        }
    }

    @Test
    void actionAndResourceWildcards() {
        try (SecretsManagerClient wildcard = as("AKIAWILDCARD00000001", "w")) {
            assertThat(wildcard.getSecretValue(b -> b.secretId("team-a/db")).secretString()).isEqualTo("a");
            expectError(() -> wildcard.getSecretValue(b -> b.secretId("team-b/db")), "AccessDeniedException", 400,
                    null);
            expectError(() -> wildcard.describeSecret(b -> b.secretId("team-a/db")), "AccessDeniedException", 400,
                    null);
        }
    }

    @Test
    void withoutPermissionAMissingSecretIsAccessDeniedNotNotFound() {
        try (SecretsManagerClient strict = as("AKIASTRICT0000000001", "s")) {
            expectError(() -> strict.getSecretValue(b -> b.secretId("does/not/exist")), "AccessDeniedException", 400,
                    denied("strict", "secretsmanager:GetSecretValue",
                            "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:does/not/exist"));
        }
        try (SecretsManagerClient product = as("AKIAPRODUCT000000001", "p")) {
            expectError(() -> product.getSecretValue(b -> b.secretId("does/not/exist")), "ResourceNotFoundException",
                    400, "Secrets Manager can't find the specified secret.");
        }
    }
}
