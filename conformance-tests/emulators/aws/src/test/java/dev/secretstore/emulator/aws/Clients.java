package dev.secretstore.emulator.aws;

import java.net.URI;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Official AWS SDK v2 clients pointed at an emulator, with retries off unless a test wants them. */
final class Clients {
    private Clients() {
    }

    static AwsCredentialsProvider keys(String id, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret));
    }

    static AwsCredentialsProvider admin() {
        return keys(DefaultIdentity.ADMIN_ACCESS_KEY_ID, DefaultIdentity.ADMIN_SECRET_ACCESS_KEY);
    }

    static AwsCredentialsProvider session(Credentials c) {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }

    static SecretsManagerClient secretsManager(URI endpoint, AwsCredentialsProvider credentials) {
        return secretsManager(endpoint, credentials, o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    static SecretsManagerClient secretsManager(URI endpoint, AwsCredentialsProvider credentials,
                                               Consumer<ClientOverrideConfiguration.Builder> override) {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(override)
                .build();
    }

    static StsClient sts(URI endpoint, AwsCredentialsProvider credentials) {
        return StsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
