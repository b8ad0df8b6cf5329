package dev.secretstore.emulator.aws;

import static dev.secretstore.emulator.aws.AwsErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Every request is SigV4-verified: unknown keys, wrong secrets, skewed clocks and bad tokens are refused. */
class SigV4Test {
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    private static AwsSecretsManagerEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = AwsSecretsManagerEmulator.builder().build().start();
        emulator.plantSecret(SecretSeed.builder("signed").secretString("ok").build());
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @Test
    void correctlySignedRequestsPass() {
        try (SecretsManagerClient client = Clients.secretsManager(emulator.endpoint(), Clients.admin())) {
            assertThat(client.getSecretValue(b -> b.secretId("signed")).secretString()).isEqualTo("ok");
        }
    }

    @Test
    void unknownAccessKeyIsUnrecognizedClient() {
        try (SecretsManagerClient client = Clients.secretsManager(emulator.endpoint(),
                Clients.keys("AKIAUNKNOWNKEY000000", "whatever"))) {
            expectError(() -> client.getSecretValue(b -> b.secretId("signed")), "UnrecognizedClientException", 400,
                    INVALID_TOKEN);
        }
        try (StsClient sts = Clients.sts(emulator.endpoint(), Clients.keys("AKIAUNKNOWNKEY000000", "whatever"))) {
            expectError(sts::getCallerIdentity, "InvalidClientTokenId", 403, INVALID_TOKEN);
        }
    }

    @Test
    void wrongSecretKeyIsABadSignature() {
        String message = "The request signature we calculated does not match the signature you provided. Check your "
                + "AWS Secret Access Key and signing method. Consult the service documentation for details.";
        try (SecretsManagerClient client = Clients.secretsManager(emulator.endpoint(),
                Clients.keys(DefaultIdentity.ADMIN_ACCESS_KEY_ID, "not-the-secret"))) {
            expectError(() -> client.getSecretValue(b -> b.secretId("signed")), "InvalidSignatureException", 400,
                    message);
        }
        try (StsClient sts = Clients.sts(emulator.endpoint(),
                Clients.keys(DefaultIdentity.ADMIN_ACCESS_KEY_ID, "not-the-secret"))) {
            expectError(sts::getCallerIdentity, "SignatureDoesNotMatch", 403, message);
        }
    }

    @Test
    void unsignedRequestIsMissingAuthentication() {
        try (SecretsManagerClient client = Clients.secretsManager(emulator.endpoint(),
                AnonymousCredentialsProvider.create())) {
            expectError(() -> client.getSecretValue(b -> b.secretId("signed")), "MissingAuthenticationTokenException",
                    400, "Missing Authentication Token");
        }
    }

    @Test
    void sessionTokenOnALongTermKeyIsRefused() {
        try (SecretsManagerClient client = Clients.secretsManager(emulator.endpoint(),
                StaticCredentialsProvider.create(AwsSessionCredentials.create(DefaultIdentity.ADMIN_ACCESS_KEY_ID,
                        DefaultIdentity.ADMIN_SECRET_ACCESS_KEY, "made-up-token")))) {
            expectError(() -> client.getSecretValue(b -> b.secretId("signed")), "UnrecognizedClientException", 400,
                    INVALID_TOKEN);
        }
    }

    @Test
    void skewedClockIsRefusedAndTheSdkCorrectsItWhenAllowedToRetry() {
        emulator.advanceClock(Duration.ofMinutes(20));
        try {
            try (SecretsManagerClient noRetry = Clients.secretsManager(emulator.endpoint(), Clients.admin())) {
                AwsServiceException e = expectError(() -> noRetry.getSecretValue(b -> b.secretId("signed")),
                        "InvalidSignatureException", 400, null);
                assertThat(e.awsErrorDetails().errorMessage()).matches("Signature expired: \\d{8}T\\d{6}Z is now "
                        + "earlier than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 5 min\\.\\)");
            }
            // The SDK remembers the skew it saw in a JVM-wide offset; forget it so the next client fails too.
            SdkGlobalTime.setGlobalTimeOffset(0);
            try (StsClient sts = Clients.sts(emulator.endpoint(), Clients.admin())) {
                expectError(sts::getCallerIdentity, "SignatureDoesNotMatch", 403, null);
            }
            SdkGlobalTime.setGlobalTimeOffset(0);
            // As against AWS: the SDK reads the server's Date header, adjusts its offset and retries.
            try (SecretsManagerClient retrying = Clients.secretsManager(emulator.endpoint(), Clients.admin(),
                    o -> { })) {
                assertThat(retrying.getSecretValue(b -> b.secretId("signed")).secretString()).isEqualTo("ok");
            }
        } finally {
            emulator.advanceClock(Duration.ofMinutes(-20));
            SdkGlobalTime.setGlobalTimeOffset(0);
        }
    }
}
