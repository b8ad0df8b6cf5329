package dev.secretstore.emulator.aws;

import static dev.secretstore.emulator.aws.AwsErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** Create, read, version, update, tag, delete and restore through the SDK, with the service's errors. */
class SecretLifecycleTest {
    private static final String MARKED = "You can't perform this operation on the secret because it was marked "
            + "for deletion.";
    private static AwsSecretsManagerEmulator emulator;
    private static SecretsManagerClient client;

    @BeforeAll
    static void start() {
        emulator = AwsSecretsManagerEmulator.builder().build().start();
        client = Clients.secretsManager(emulator.endpoint(), Clients.admin());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.stop();
    }

    private static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createReturnsArnWithSixCharacterSuffixAndGetFindsItByNameArnAndPartialArn() {
        String name = unique("app/db");
        CreateSecretResponse created = client.createSecret(b -> b.name(name).secretString("{\"password\":\"p1\"}"));

        assertThat(created.name()).isEqualTo(name);
        assertThat(created.arn()).matches("arn:aws:secretsmanager:us-east-1:123456789012:secret:"
                + name.replace("/", "\\/") + "-[A-Za-z0-9]{6}");
        assertThat(created.versionId()).isNotBlank();
        String partialArn = created.arn().substring(0, created.arn().length() - 7);
        for (String id : new String[] {name, created.arn(), partialArn}) {
            GetSecretValueResponse got = client.getSecretValue(b -> b.secretId(id));
            assertThat(got.secretString()).isEqualTo("{\"password\":\"p1\"}");
            assertThat(got.arn()).isEqualTo(created.arn());
            assertThat(got.versionStages()).containsExactly("AWSCURRENT");
            assertThat(got.versionId()).isEqualTo(created.versionId());
        }
    }

    @Test
    void binarySecretsRoundTrip() {
        String name = unique("bin");
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        client.createSecret(b -> b.name(name).secretBinary(SdkBytes.fromByteArray(bytes)));

        GetSecretValueResponse got = client.getSecretValue(b -> b.secretId(name));
        assertThat(got.secretBinary().asByteArray()).containsExactly(bytes);
        assertThat(got.secretString()).isNull();
    }

    @Test
    void putSecretValueMovesAwsCurrentAndAwsPrevious() {
        String name = unique("rotating");
        String v1 = client.createSecret(b -> b.name(name).secretString("one")).versionId();
        PutSecretValueResponse put2 = client.putSecretValue(b -> b.secretId(name).secretString("two"));
        assertThat(put2.versionStages()).containsExactly("AWSCURRENT");
        PutSecretValueResponse put3 = client.putSecretValue(b -> b.secretId(name).secretString("three"));

        assertThat(client.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("three");
        GetSecretValueResponse previous = client.getSecretValue(b -> b.secretId(name).versionStage("AWSPREVIOUS"));
        assertThat(previous.secretString()).isEqualTo("two");
        assertThat(previous.versionId()).isEqualTo(put2.versionId());
        assertThat(client.getSecretValue(b -> b.secretId(name).versionId(v1)).secretString()).isEqualTo("one");

        DescribeSecretResponse described = client.describeSecret(b -> b.secretId(name));
        assertThat(described.versionIdsToStages()).hasSize(2)
                .containsEntry(put3.versionId(), java.util.List.of("AWSCURRENT"))
                .containsEntry(put2.versionId(), java.util.List.of("AWSPREVIOUS"));
    }

    @Test
    void clientRequestTokenMakesRepeatsNoOpsAndRefusesOtherData() {
        String name = unique("idem");
        String createToken = UUID.randomUUID().toString();
        CreateSecretResponse first = client.createSecret(b -> b.name(name).secretString("v")
                .clientRequestToken(createToken));
        CreateSecretResponse repeat = client.createSecret(b -> b.name(name).secretString("v")
                .clientRequestToken(createToken));
        assertThat(repeat.arn()).isEqualTo(first.arn());
        assertThat(repeat.versionId()).isEqualTo(createToken);
        expectError(() -> client.createSecret(b -> b.name(name).secretString("other").clientRequestToken(createToken)),
                "ResourceExistsException", 400, "The operation failed because the secret " + name + " already exists.");
        assertThat(client.describeSecret(b -> b.secretId(name)).versionIdsToStages()).hasSize(1);

        String token = UUID.randomUUID().toString();
        PutSecretValueResponse put = client.putSecretValue(b -> b.secretId(name).secretString("w")
                .clientRequestToken(token));
        PutSecretValueResponse again = client.putSecretValue(b -> b.secretId(name).secretString("w")
                .clientRequestToken(token));
        assertThat(again.versionId()).isEqualTo(put.versionId()).isEqualTo(token);
        assertThat(client.describeSecret(b -> b.secretId(name)).versionIdsToStages()).hasSize(2);

        // A late repeat, after a newer version took AWSCURRENT, is still a no-op: it moves no label back.
        String newer = client.putSecretValue(b -> b.secretId(name).secretString("x")).versionId();
        assertThat(client.putSecretValue(b -> b.secretId(name).secretString("w").clientRequestToken(token))
                .versionId()).isEqualTo(token);
        assertThat(client.describeSecret(b -> b.secretId(name)).versionIdsToStages())
                .containsEntry(newer, java.util.List.of("AWSCURRENT"))
                .containsEntry(token, java.util.List.of("AWSPREVIOUS"));

        ResourceExistsException e = (ResourceExistsException) expectError(() -> client.putSecretValue(b -> b
                .secretId(name).secretString("other").clientRequestToken(token)), "ResourceExistsException", 400,
                "You can't modify an existing version, you can only create a new version.");
        assertThat(e).isInstanceOf(ResourceExistsException.class);
        // The refused request changed nothing.
        assertThat(client.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("x");
        assertThat(client.getSecretValue(b -> b.secretId(name).versionId(token)).secretString()).isEqualTo("w");
        assertThat(client.describeSecret(b -> b.secretId(name)).versionIdsToStages().get(token))
                .containsExactly("AWSPREVIOUS");
    }

    @Test
    void createOnExistingNameIsResourceExists() {
        String name = unique("dup");
        client.createSecret(b -> b.name(name).secretString("a"));
        expectError(() -> client.createSecret(b -> b.name(name).secretString("b")), "ResourceExistsException", 400,
                "The operation failed because the secret " + name + " already exists.");
        assertThat(client.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("a");
    }

    @Test
    void unknownSecretIsResourceNotFound() {
        ResourceNotFoundException e = (ResourceNotFoundException) expectError(
                () -> client.getSecretValue(b -> b.secretId("no-such-secret")), "ResourceNotFoundException", 400,
                "Secrets Manager can't find the specified secret.");
        assertThat(e).isInstanceOf(ResourceNotFoundException.class);
        expectError(() -> client.describeSecret(b -> b.secretId("no-such-secret")), "ResourceNotFoundException",
                400, "Secrets Manager can't find the specified secret.");
        expectError(() -> client.getSecretValue(b -> b.secretId(
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:no-such-secret-AbCdEf")),
                "ResourceNotFoundException", 400, "Secrets Manager can't find the specified secret.");
    }

    @Test
    void secretWithoutValueHasNoAwsCurrent() {
        String name = unique("empty");
        CreateSecretResponse created = client.createSecret(b -> b.name(name).description("no value yet"));
        assertThat(created.versionId()).isNull();
        expectError(() -> client.getSecretValue(b -> b.secretId(name)), "ResourceNotFoundException", 400,
                "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT");
    }

    @Test
    void scheduledDeletionBlocksCreateGetPutWithTheServiceMessagesUntilRestored() {
        String name = unique("doomed");
        client.createSecret(b -> b.name(name).secretString("x"));
        Instant before = Instant.now();
        DeleteSecretResponse deleted = client.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
        assertThat(deleted.deletionDate()).isBetween(before.plus(Duration.ofDays(7)).minusSeconds(5),
                before.plus(Duration.ofDays(7)).plusSeconds(60));

        expectError(() -> client.createSecret(b -> b.name(name).secretString("y")), "InvalidRequestException", 400,
                "You can't create this secret because a secret with this name is already scheduled for deletion.");
        InvalidRequestException get = (InvalidRequestException) expectError(
                () -> client.getSecretValue(b -> b.secretId(name)), "InvalidRequestException", 400, MARKED);
        assertThat(get).isInstanceOf(InvalidRequestException.class);
        expectError(() -> client.putSecretValue(b -> b.secretId(name).secretString("z")), "InvalidRequestException",
                400, MARKED);
        expectError(() -> client.updateSecret(b -> b.secretId(name).description("d")), "InvalidRequestException",
                400, MARKED);
        expectError(() -> client.deleteSecret(b -> b.secretId(name)), "InvalidRequestException", 400, MARKED);
        assertThat(client.describeSecret(b -> b.secretId(name)).deletedDate()).isNotNull();

        client.restoreSecret(b -> b.secretId(name));
        assertThat(client.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("x");
        assertThat(client.describeSecret(b -> b.secretId(name)).deletedDate()).isNull();
    }

    @Test
    void forceDeleteFreesTheNameAndRecreateGetsANewArn() {
        String name = unique("gone");
        String arn = client.createSecret(b -> b.name(name).secretString("x")).arn();
        client.deleteSecret(b -> b.secretId(name));
        Instant before = Instant.now();
        DeleteSecretResponse forced = client.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
        assertThat(forced.arn()).isEqualTo(arn);
        assertThat(forced.deletionDate()).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));

        expectError(() -> client.getSecretValue(b -> b.secretId(name)), "ResourceNotFoundException", 400, null);
        String recreated = client.createSecret(b -> b.name(name).secretString("y")).arn();
        assertThat(recreated).isNotEqualTo(arn).startsWith(arn.substring(0, arn.length() - 6));
    }

    @Test
    void recoveryWindowEndsWhenTheClockPassesIt() {
        String name = unique("expiring");
        client.createSecret(b -> b.name(name).secretString("x"));
        client.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(30L));
        emulator.advanceClock(Duration.ofDays(31));
        try {
            // A fresh client: the SDK must sign with the emulator's (moved) time, which it learns from Date.
            try (SecretsManagerClient retrying = Clients.secretsManager(emulator.endpoint(), Clients.admin(),
                    o -> { })) {
                expectError(() -> retrying.describeSecret(b -> b.secretId(name)), "ResourceNotFoundException", 400,
                        "Secrets Manager can't find the specified secret.");
            }
        } finally {
            emulator.advanceClock(Duration.ofDays(-31));
            SdkGlobalTime.setGlobalTimeOffset(0); // the SDK keeps the skew it learned JVM-wide
        }
    }

    @Test
    void aSecretPastItsRecoveryWindowIsGoneByArnAndFromListsToo() {
        String name = unique("expired");
        String arn = client.createSecret(b -> b.name(name).secretString("x")).arn();
        client.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(7L));
        emulator.advanceClock(Duration.ofDays(8));
        try (SecretsManagerClient retrying = Clients.secretsManager(emulator.endpoint(), Clients.admin(), o -> { })) {
            assertThat(retrying.listSecrets(b -> b.includePlannedDeletion(true)
                    .filters(f -> f.key(FilterNameStringType.NAME).values(name))).secretList()).isEmpty();
            expectError(() -> retrying.describeSecret(b -> b.secretId(arn)), "ResourceNotFoundException", 400,
                    "Secrets Manager can't find the specified secret.");
            String recreated = retrying.createSecret(b -> b.name(name).secretString("y")).arn();
            assertThat(recreated).isNotEqualTo(arn);
        } finally {
            emulator.advanceClock(Duration.ofDays(-8));
            SdkGlobalTime.setGlobalTimeOffset(0);
        }
    }

    @Test
    void deleteValidatesItsOptions() {
        String name = unique("opts");
        client.createSecret(b -> b.name(name).secretString("x"));
        InvalidParameterException both = (InvalidParameterException) expectError(() -> client.deleteSecret(b -> b
                .secretId(name).recoveryWindowInDays(7L).forceDeleteWithoutRecovery(true)),
                "InvalidParameterException", 400,
                "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        assertThat(both).isInstanceOf(InvalidParameterException.class);
        expectError(() -> client.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(0L)
                        .forceDeleteWithoutRecovery(true)), "InvalidParameterException", 400,
                "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        expectError(() -> client.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(6L)),
                "InvalidParameterException", 400,
                "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        expectError(() -> client.deleteSecret(b -> b.secretId(name).recoveryWindowInDays(31L)),
                "InvalidParameterException", 400,
                "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        assertThat(client.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("x");
    }

    @Test
    void valuesUpTo65536BytesAreAcceptedAndLargerOnesRefused() {
        String name = unique("big");
        String max = "a".repeat(65_536);
        client.createSecret(b -> b.name(name).secretString(max));
        assertThat(client.getSecretValue(b -> b.secretId(name)).secretString()).hasSize(65_536);

        String tooBig = "a".repeat(65_537);
        expectError(() -> client.putSecretValue(b -> b.secretId(name).secretString(tooBig)), "ValidationException",
                400, "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must "
                        + "have length less than or equal to 65536");
        String multiByte = "é".repeat(32_769); // 65,538 bytes in UTF-8
        expectError(() -> client.createSecret(b -> b.name(unique("big2")).secretString(multiByte)),
                "ValidationException", 400, null);
        expectError(() -> client.createSecret(b -> b.name(unique("big3"))
                .secretBinary(SdkBytes.fromByteArray(new byte[65_537]))), "ValidationException", 400,
                "1 validation error detected: Value at 'secretBinary' failed to satisfy constraint: Member must "
                        + "have length less than or equal to 65536");
        assertThat(client.describeSecret(b -> b.secretId(name)).versionIdsToStages()).hasSize(1);
    }

    @Test
    void emptyValuesAreRefusedAsTheServiceModelsMinimumLengthOfOneSays() {
        String empty = unique("empty");
        expectError(() -> client.createSecret(b -> b.name(empty).secretString("")), "ValidationException", 400,
                "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must "
                        + "have length greater than or equal to 1");
        expectError(() -> client.createSecret(b -> b.name(empty).secretBinary(SdkBytes.fromByteArray(new byte[0]))),
                "ValidationException", 400, "1 validation error detected: Value at 'secretBinary' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 1");
        expectError(() -> client.describeSecret(b -> b.secretId(empty)), "ResourceNotFoundException", 400, null);

        String name = unique("nonempty");
        client.createSecret(b -> b.name(name).secretString("v1"));
        expectError(() -> client.putSecretValue(b -> b.secretId(name).secretString("")), "ValidationException", 400,
                null);
        assertThat(client.describeSecret(b -> b.secretId(name)).versionIdsToStages()).hasSize(1);
    }

    @Test
    void nameRulesAreEnforcedAndNothingIsCreated() {
        expectError(() -> client.createSecret(b -> b.name("has space").secretString("x")), "ValidationException", 400,
                "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: "
                        + "-/_+=.@!");
        expectError(() -> client.createSecret(b -> b.name("x".repeat(513)).secretString("x")),
                "ValidationException", 400, "1 validation error detected: Value at 'name' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 512");
        expectError(() -> client.describeSecret(b -> b.secretId("has space")), "ResourceNotFoundException", 400, null);
        expectError(() -> client.createSecret(b -> b.name(unique("both")).secretString("x")
                .secretBinary(SdkBytes.fromString("y", StandardCharsets.UTF_8))), "InvalidParameterException", 400,
                "You can't specify both a binary secret value and a string secret value in the same secret.");
    }

    @Test
    void tagsAreValidatedAndLimitedTo50() {
        String name = unique("tagged");
        client.createSecret(b -> b.name(name).secretString("x").tags(Tag.builder().key("team").value("a").build()));
        Tag[] fifty = new Tag[49];
        for (int i = 0; i < fifty.length; i++) {
            fifty[i] = Tag.builder().key("k" + i).value("v").build();
        }
        client.tagResource(b -> b.secretId(name).tags(fifty));
        assertThat(client.describeSecret(b -> b.secretId(name)).tags()).hasSize(50);
        expectError(() -> client.tagResource(b -> b.secretId(name).tags(Tag.builder().key("one-more").value("v")
                .build())), "InvalidParameterException", 400, null);
        expectError(() -> client.tagResource(b -> b.secretId(name).tags(Tag.builder().key("k".repeat(129)).value("v")
                .build())), "ValidationException", 400, null);
        expectError(() -> client.tagResource(b -> b.secretId(name).tags(Tag.builder().key("aws:reserved").value("v")
                .build())), "InvalidParameterException", 400, null);
        assertThat(client.describeSecret(b -> b.secretId(name)).tags()).hasSize(50);

        client.untagResource(b -> b.secretId(name).tagKeys("team", "k0", "absent"));
        assertThat(client.describeSecret(b -> b.secretId(name)).tags()).hasSize(48)
                .noneMatch(t -> t.key().equals("team"));
    }

    @Test
    void updateSecretChangesDescriptionAndValue() {
        String name = unique("upd");
        client.createSecret(b -> b.name(name).secretString("1"));
        String newVersion = client.updateSecret(b -> b.secretId(name).description("fresh").secretString("2"))
                .versionId();
        assertThat(newVersion).isNotBlank();
        assertThat(client.getSecretValue(b -> b.secretId(name)).secretString()).isEqualTo("2");
        DescribeSecretResponse d = client.describeSecret(b -> b.secretId(name));
        assertThat(d.description()).isEqualTo("fresh");
        assertThat(d.versionIdsToStages().get(newVersion)).containsExactly("AWSCURRENT");
        assertThat(d.lastChangedDate()).isNotNull();
        assertThat(d.createdDate()).isNotNull();
        assertThat(d.lastAccessedDate()).isNotNull();
    }

    @Test
    void operationsOutsideTheEmulatorAreRefusedNotFaked() {
        String name = unique("unimplemented");
        client.createSecret(b -> b.name(name).secretString("x"));
        var e = expectError(() -> client.listSecretVersionIds(b -> b.secretId(name)), "UnknownOperationException",
                400, null);
        assertThat(e.awsErrorDetails().errorMessage()).contains("secretsmanager.ListSecretVersionIds");
        expectError(() -> client.rotateSecret(b -> b.secretId(name)), "UnknownOperationException", 400, null);
    }

    @Test
    void missingSecretIdIsAValidationError() {
        expectError(() -> client.getSecretValue(b -> { }), "ValidationException", 400, null);
    }
}
