package dev.secretstore.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.aws.AwsSecretsManagerEmulator;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.support.retry.RetrySettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * IAM_ROLE credentials are refreshed through STS before they expire, by the SDK provider the store wires up:
 * with a refresh margin as long as the session itself, the credentials are stale as soon as they arrive, so
 * every call assumes the role anew, and every call still succeeds. (Role sessions last at least 15 minutes,
 * so waiting for a real expiry has no place in a test.)
 */
class RoleCredentialsRefreshTest {

    private static final String STATE = "{\"accounts\": [{\"id\": \"123456789012\", \"users\": [{\"name\": \"source\","
            + "\"accessKeys\": [{\"accessKeyId\": \"AKIAREFRESHSOURCE001\", \"secretAccessKey\": \"refresh-source\"}],"
            + "\"policies\": [{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + "\"Action\": \"sts:AssumeRole\", \"Resource\": \"*\"}]}]}],"
            + "\"roles\": [{\"name\": \"writer\", \"maxSessionDurationSeconds\": 3600, \"trustPolicy\": {\"Version\":"
            + "\"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\":"
            + "\"arn:aws:iam::123456789012:user/source\"}, \"Action\": \"sts:AssumeRole\"}]},"
            + "\"policies\": [{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + "\"Action\": \"secretsmanager:*\", \"Resource\": \"*\"}]}]}]}]}";

    private AwsSecretsManagerEmulator emulator;
    private final Map<String, String> saved = new java.util.HashMap<>();

    @BeforeEach
    void start() {
        emulator = AwsSecretsManagerEmulator.builder().state(STATE).build().start();
        for (String key : new String[] {"aws.accessKeyId", "aws.secretAccessKey"}) {
            saved.put(key, System.getProperty(key));
        }
        System.setProperty("aws.accessKeyId", "AKIAREFRESHSOURCE001");
        System.setProperty("aws.secretAccessKey", "refresh-source");
    }

    @AfterEach
    void stop() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
        emulator.close();
    }

    @Test
    @DisplayName("stale role credentials are refreshed through AssumeRole before the next call, which succeeds")
    void refreshedBeforeUse() {
        StoreConfig config = StoreConfig.of("aws", Map.of("auth_type", "IAM_ROLE",
                "roleArn", "arn:aws:iam::123456789012:role/writer", "awsRegion", "us-east-1",
                "endpoint", emulator.endpoint().toString()), AwsConfigFields.all());
        SecretName name = SecretName.of("refresh/one");
        try (AwsSecretStoreSpi store = AwsSecretStoreSpi.open(AwsSettings.from(config), RetrySettings.from(config),
                dev.secretstore.StoreLimits.defaults(), Duration.ofSeconds(3600))) {
            store.create(name, SecretValue.ofText("v1"), Map.of("AirbyteManaged", "true"));
            long before = emulator.requestCount("AssumeRole");

            for (int i = 0; i < 3; i++) {
                assertThat(store.read(name, Optional.empty()).value().text()).isEqualTo("v1");
            }

            assertThat(emulator.requestCount("AssumeRole") - before).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    @DisplayName("with the SDK's default margin, one AssumeRole serves many calls")
    void reusedWhileFresh() {
        StoreConfig config = StoreConfig.of("aws", Map.of("auth_type", "IAM_ROLE",
                "roleArn", "arn:aws:iam::123456789012:role/writer", "awsRegion", "us-east-1",
                "endpoint", emulator.endpoint().toString()), AwsConfigFields.all());
        SecretName name = SecretName.of("refresh/two");
        try (AwsSecretStoreSpi store = AwsSecretStoreSpi.open(AwsSettings.from(config), RetrySettings.from(config),
                dev.secretstore.StoreLimits.defaults())) {
            store.create(name, SecretValue.ofText("v1"), Map.of("AirbyteManaged", "true"));
            for (int i = 0; i < 3; i++) {
                store.read(name, Optional.empty());
            }

            assertThat(emulator.requestCount("AssumeRole")).isEqualTo(1);
        }
    }
}
