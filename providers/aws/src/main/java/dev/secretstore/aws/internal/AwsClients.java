package dev.secretstore.aws.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * The SDK clients of one opened store: one HTTP connection pool shared by Secrets Manager and STS, built once
 * and closed with the store. SDK retries are off (the one retry policy decides); for IAM_ROLE the role's
 * credentials are assumed through STS with the machine's default chain as the source and refreshed before
 * they expire.
 */
final class AwsClients implements AutoCloseable {

    private final SdkHttpClient http;
    private final SecretsManagerClient secretsManager;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    /** How long before its expiry the role's credentials are refreshed; {@code null} for the SDK's default. */
    private final Duration refreshMargin;

    private AwsClients(AwsSettings settings, Duration refreshMargin) {
        this.refreshMargin = refreshMargin;
        this.http = Apache5HttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        AwsCredentialsProvider credentials = credentials(settings);
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .region(Region.of(settings.region()))
                .httpClient(http)
                .credentialsProvider(credentials)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.secretsManager = builder.build();
    }

    static AwsClients open(AwsSettings settings) {
        return new AwsClients(settings, null);
    }

    /** For tests: role credentials count as stale this long before they expire (the SDK's default is 1 minute). */
    static AwsClients open(AwsSettings settings, Duration refreshMargin) {
        return new AwsClients(settings, refreshMargin);
    }

    SecretsManagerClient secretsManager() {
        return secretsManager;
    }

    private AwsCredentialsProvider credentials(AwsSettings settings) {
        if (settings.authType() == AuthType.ACCESS_KEY) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
        }
        DefaultCredentialsProvider source = DefaultCredentialsProvider.builder().build();
        closeables.add(source);
        StsClientBuilder stsBuilder = StsClient.builder()
                .region(Region.of(settings.region()))
                .httpClient(http)
                .credentialsProvider(source)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
        settings.stsEndpoint().ifPresent(stsBuilder::endpointOverride);
        StsClient sts = stsBuilder.build();
        closeables.add(sts);
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(settings.roleArn().orElseThrow())
                .roleSessionName(sessionName());
        settings.externalId().ifPresent(request::externalId);
        StsAssumeRoleCredentialsProvider.Builder provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request.build());
        if (refreshMargin != null) {
            provider.staleTime(refreshMargin).prefetchTime(refreshMargin);
        }
        StsAssumeRoleCredentialsProvider built = provider.build();
        closeables.add(0, built);
        return built;
    }

    /** Says who calls in CloudTrail: secretstore and the operating-system user, within STS's 2–64 characters. */
    static String sessionName() {
        String user = System.getProperty("user.name", "unknown").replaceAll("[^\\w+=,.@-]", "-");
        String name = "secretstore-" + user.toLowerCase(Locale.ROOT);
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    @Override
    public void close() {
        secretsManager.close();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Closing releases local resources only; nothing to report to the caller.
            }
        }
        http.close();
    }
}
