package dev.secretstore.emulator.aws;

import static dev.secretstore.emulator.aws.AwsErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException;
import software.amazon.awssdk.services.sts.StsClient;

/** Faults, rate limits, request counts, planting, reset: through the Java API and the admin endpoint. */
class FaultsAndControlTest {
    private static AwsSecretsManagerEmulator emulator;
    private static SecretsManagerClient client;

    @BeforeAll
    static void start() {
        emulator = AwsSecretsManagerEmulator.builder().build().start();
        client = Clients.secretsManager(emulator.endpoint(), Clients.admin());
    }

    @AfterEach
    void clean() {
        emulator.reset();
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.stop();
    }

    private static void plant(String name, String value) {
        emulator.plantSecret(SecretSeed.builder(name).secretString(value).build());
    }

    @Test
    void throttlingFaultAnswersRateExceeded() {
        plant("t", "v");
        emulator.setFault("GetSecretValue", Fault.throttling());
        expectError(() -> client.getSecretValue(b -> b.secretId("t")), "ThrottlingException", 400, "Rate exceeded");
        assertThat(client.describeSecret(b -> b.secretId("t")).name()).isEqualTo("t");
        emulator.clearFault("GetSecretValue");
        assertThat(client.getSecretValue(b -> b.secretId("t")).secretString()).isEqualTo("v");
        assertThat(emulator.requestCount("GetSecretValue")).isEqualTo(2);
    }

    @Test
    void internalErrorIs500InternalServiceError() {
        plant("e", "v");
        emulator.setFault(Fault.ALL_OPERATIONS, Fault.internalError());
        AwsServiceException e = expectError(() -> client.getSecretValue(b -> b.secretId("e")),
                "InternalServiceError", 500, null);
        assertThat(e).isInstanceOf(InternalServiceErrorException.class);
        try (StsClient sts = Clients.sts(emulator.endpoint(), Clients.admin())) {
            expectError(sts::getCallerIdentity, "InternalFailure", 500, null);
        }
    }

    @Test
    void sdkRetriesThroughLimitedFaultsAndEveryAttemptIsCounted() {
        plant("r", "v");
        emulator.setFault("GetSecretValue", Fault.throttling().times(2));
        try (SecretsManagerClient retrying = Clients.secretsManager(emulator.endpoint(), Clients.admin(), o -> { })) {
            assertThat(retrying.getSecretValue(b -> b.secretId("r")).secretString()).isEqualTo("v");
        }
        assertThat(emulator.requestCount("GetSecretValue")).isEqualTo(3);
        assertThat(emulator.requestCounts()).containsEntry("GetSecretValue", 3L);
    }

    @Test
    void connectionResetIsAClientSideIoFailure() {
        plant("c", "v");
        emulator.setFault("GetSecretValue", Fault.connectionReset().times(1));
        Throwable t = catchThrowable(() -> client.getSecretValue(b -> b.secretId("c")));
        assertThat(t).isInstanceOf(SdkClientException.class).isNotInstanceOf(AwsServiceException.class);
        assertThat(client.getSecretValue(b -> b.secretId("c")).secretString()).isEqualTo("v");
    }

    @Test
    void aLostResponseIsProcessedAndARetryWithTheSameTokenFindsTheSameVersion() {
        emulator.setFault("CreateSecret", Fault.responseLost().times(1));
        String token = java.util.UUID.randomUUID().toString();
        Throwable t = catchThrowable(() -> client.createSecret(b -> b.name("lost").secretString("v")
                .clientRequestToken(token)));
        assertThat(t).isInstanceOf(SdkClientException.class).isNotInstanceOf(AwsServiceException.class);

        String version = client.createSecret(b -> b.name("lost").secretString("v").clientRequestToken(token))
                .versionId();
        assertThat(version).isEqualTo(token);
        assertThat(client.describeSecret(b -> b.secretId("lost")).versionIdsToStages()).containsOnlyKeys(token);
        expectError(() -> client.createSecret(b -> b.name("lost").secretString("v")), "ResourceExistsException", 400,
                null);
    }

    @Test
    void addedLatencyHoldsTheResponseBack() {
        plant("l", "v");
        // A wide margin (30 s held back against a 2 s attempt timeout) keeps this stable on a loaded machine;
        // the calls without the fault go through the ordinary client, which has no attempt timeout.
        emulator.setFault("GetSecretValue", Fault.latency(Duration.ofSeconds(30)));
        try (SecretsManagerClient impatient = Clients.secretsManager(emulator.endpoint(), Clients.admin(),
                o -> o.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(Duration.ofSeconds(2)))) {
            assertThat(catchThrowable(() -> impatient.getSecretValue(b -> b.secretId("l"))))
                    .isInstanceOf(ApiCallAttemptTimeoutException.class);
        }
        assertThat(client.describeSecret(b -> b.secretId("l")).name()).isEqualTo("l");
        emulator.clearFaults();
        assertThat(client.getSecretValue(b -> b.secretId("l")).secretString()).isEqualTo("v");
    }

    @Test
    void rateLimitThrottlesAboveTheConfiguredRate() {
        emulator.setRateLimit("ListSecrets", 0.01); // one token per 100 s
        client.listSecrets();
        expectError(client::listSecrets, "ThrottlingException", 400, "Rate exceeded");
        emulator.clearRateLimits();
        assertThat(client.listSecrets().secretList()).isEmpty();
    }

    @Test
    void plantedSecretsLookCreatedByAnotherTeamAndResetForgetsThem() {
        String arn = emulator.plantSecret(SecretSeed.builder("other-team/db").secretString("theirs")
                .description("not ours").tag("owner", "team-b").region("eu-west-1").build());
        assertThat(arn).matches("arn:aws:secretsmanager:eu-west-1:123456789012:secret:other-team/db-[A-Za-z0-9]{6}");
        try (SecretsManagerClient eu = SecretsManagerClient.builder().endpointOverride(emulator.endpoint())
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1).credentialsProvider(Clients.admin())
                .build()) {
            assertThat(eu.getSecretValue(b -> b.secretId("other-team/db")).secretString()).isEqualTo("theirs");
        }
        // Secrets are regional: the us-east-1 client does not see it.
        expectError(() -> client.getSecretValue(b -> b.secretId("other-team/db")), "ResourceNotFoundException", 400,
                null);
        emulator.reset();
        assertThat(emulator.requestCounts()).isEmpty();
    }

    @Test
    void adminEndpointMirrorsTheJavaApi() {
        assertThat(AdminHttp.call(emulator.endpoint(), "GET", "health", null).status()).isEqualTo(200);

        AdminHttp.Reply planted = AdminHttp.call(emulator.endpoint(), "POST", "secrets",
                "{\"name\": \"via-http\", \"secretString\": \"h\", \"tags\": {\"AirbyteManaged\": \"true\"}}");
        assertThat(planted.status()).isEqualTo(200);
        assertThat(planted.body()).contains("\"Name\":\"via-http\"").contains(":secret:via-http-");
        assertThat(client.getSecretValue(b -> b.secretId("via-http")).secretString()).isEqualTo("h");

        assertThat(AdminHttp.call(emulator.endpoint(), "PUT", "faults/GetSecretValue",
                "{\"kind\": \"throttling\", \"times\": 1}").status()).isEqualTo(200);
        expectError(() -> client.getSecretValue(b -> b.secretId("via-http")), "ThrottlingException", 400,
                "Rate exceeded");
        assertThat(client.getSecretValue(b -> b.secretId("via-http")).secretString()).isEqualTo("h");

        assertThat(AdminHttp.call(emulator.endpoint(), "PUT", "faults/DescribeSecret",
                "{\"kind\": \"internal-error\"}").status()).isEqualTo(200);
        expectError(() -> client.describeSecret(b -> b.secretId("via-http")), "InternalServiceError", 500, null);
        assertThat(AdminHttp.call(emulator.endpoint(), "DELETE", "faults", null).status()).isEqualTo(200);
        assertThat(client.describeSecret(b -> b.secretId("via-http")).name()).isEqualTo("via-http");

        assertThat(AdminHttp.call(emulator.endpoint(), "PUT", "rate-limit",
                "{\"operation\": \"ListSecrets\", \"requestsPerSecond\": 0.01}").status()).isEqualTo(200);
        client.listSecrets();
        expectError(client::listSecrets, "ThrottlingException", 400, "Rate exceeded");
        assertThat(AdminHttp.call(emulator.endpoint(), "DELETE", "rate-limit", null).status()).isEqualTo(200);

        AdminHttp.Reply counts = AdminHttp.call(emulator.endpoint(), "GET", "counts", null);
        assertThat(counts.body()).contains("\"GetSecretValue\":3").contains("\"ListSecrets\":2");

        String state = """
                {"accounts": [{"id": "123456789012", "users": [{"name": "carol",
                  "accessKeys": [{"accessKeyId": "AKIACAROL00000000001", "secretAccessKey": "carol-secret"}],
                  "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                    "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}]}]}]}
                """;
        assertThat(AdminHttp.call(emulator.endpoint(), "POST", "state", state).status()).isEqualTo(200);
        try (SecretsManagerClient carol = Clients.secretsManager(emulator.endpoint(),
                Clients.keys("AKIACAROL00000000001", "carol-secret"))) {
            assertThat(carol.getSecretValue(b -> b.secretId("via-http")).secretString()).isEqualTo("h");
        }
        AdminHttp.Reply bad = AdminHttp.call(emulator.endpoint(), "POST", "state",
                "{\"accounts\": [{\"users\": [{\"accessKeys\": []}]}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("accounts[0].users[0].name is required");

        assertThat(AdminHttp.call(emulator.endpoint(), "POST", "reset", null).status()).isEqualTo(200);
        expectError(() -> client.getSecretValue(b -> b.secretId("via-http")), "ResourceNotFoundException", 400, null);
        assertThat(AdminHttp.call(emulator.endpoint(), "GET", "nope", null).status()).isEqualTo(404);
    }
}
