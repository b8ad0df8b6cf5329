package dev.secretstore.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.SecretStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every malformed AWS config is refused before any request, naming the field, never echoing a credential. */
class AwsConfigValidationTest {

    private static final String KEY = "AKIAVALIDATIONTEST01";
    private static final String SECRET = "validation-secret-do-not-echo-0123456789";
    private static final String ROLE = "arn:aws:iam::123456789012:role/AirbyteSecretsRole";

    private static Map<String, Object> accessKey() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("auth_type", "ACCESS_KEY");
        config.put("awsAccessKey", KEY);
        config.put("awsSecretAccessKey", SECRET);
        config.put("awsRegion", "us-west-2");
        return config;
    }

    private static Map<String, Object> role() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("auth_type", "IAM_ROLE");
        config.put("roleArn", ROLE);
        config.put("awsRegion", "us-east-1");
        return config;
    }

    private static InvalidConfigException refused(Map<String, Object> config) {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> SecretStores.open(config));
        assertThat(e).as("config %s is refused", config.keySet()).isNotNull();
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(SECRET).doesNotContain(KEY);
        return e;
    }

    private static List<String> fields(InvalidConfigException e) {
        return e.problems().stream().map(ConfigProblem::field).collect(Collectors.toList());
    }

    @Test
    @DisplayName("IAM_ROLE without roleArn names roleArn")
    void roleArnRequiredForIamRole() {
        Map<String, Object> config = role();
        config.remove("roleArn");
        InvalidConfigException e = refused(config);
        assertThat(fields(e)).containsExactly("roleArn");
        assertThat(e.problems().get(0).message()).contains("IAM_ROLE");
    }

    @Test
    @DisplayName("keys given with IAM_ROLE are refused, each named, neither echoed")
    void keysWithIamRole() {
        Map<String, Object> config = role();
        config.put("awsAccessKey", KEY);
        config.put("awsSecretAccessKey", SECRET);
        InvalidConfigException e = refused(config);
        assertThat(fields(e)).containsExactlyInAnyOrder("awsAccessKey", "awsSecretAccessKey");
        assertThat(e.getMessage()).contains("default credentials");
    }

    @Test
    @DisplayName("ACCESS_KEY without the secret key names it; roleArn and externalId are IAM_ROLE only")
    void accessKeyRules() {
        Map<String, Object> config = accessKey();
        config.remove("awsSecretAccessKey");
        config.put("externalId", "ext-1");
        assertThat(fields(refused(config))).containsExactlyInAnyOrder("awsSecretAccessKey", "externalId");
    }

    @Test
    @DisplayName("a bad region, role ARN and KMS key ARN are each named with what was expected")
    void badFormats() {
        Map<String, Object> config = role();
        config.put("awsRegion", "US East 1");
        config.put("roleArn", "arn:aws:iam::123456789012:user/alice");
        config.put("kmsKeyArn", "alias/mine");
        InvalidConfigException e = refused(config);
        assertThat(fields(e)).containsExactlyInAnyOrder("awsRegion", "roleArn", "kmsKeyArn");
        assertThat(e.getMessage()).contains("us-east-1").contains("role").doesNotContain("alice")
                .doesNotContain("US East 1");
    }

    @Test
    @DisplayName("http:// is refused off loopback, for endpoint and stsEndpoint; accepted on 127.0.0.1")
    void plainHttpOnlyOnLoopback() {
        Map<String, Object> config = accessKey();
        config.put("endpoint", "http://secretsmanager.internal.example.com");
        config.put("stsEndpoint", "http://sts.internal.example.com");
        assertThat(fields(refused(config))).containsExactlyInAnyOrder("endpoint", "stsEndpoint");

        Map<String, Object> loopback = accessKey();
        loopback.put("endpoint", "http://127.0.0.1:1");
        SecretStores.open(loopback).close();
    }

    @Test
    @DisplayName("an unknown field gets a did-you-mean")
    void unknownFieldDidYouMean() {
        Map<String, Object> config = role();
        config.put("rolArn", ROLE);
        InvalidConfigException e = refused(config);
        assertThat(fields(e)).contains("rolArn");
        assertThat(e.getMessage()).contains("roleArn");
    }

    @Test
    @DisplayName("a malformed retry object and a reserved tag key are named")
    void retryAndTagKey() {
        Map<String, Object> config = accessKey();
        config.put("retry", Map.of("maxAtempts", 3));
        config.put("tagKey", "aws:managed");
        InvalidConfigException e = refused(config);
        assertThat(fields(e)).contains("tagKey").anyMatch(f -> f.startsWith("retry"));
    }

    @Test
    @DisplayName("a config without the provider field is recognised as aws by its shape")
    void recognisedByShape() {
        assertThat(new AwsSecretStoreProvider().recognises(accessKey())).isTrue();
        assertThat(new AwsSecretStoreProvider().recognises(role())).isTrue();
        assertThat(new AwsSecretStoreProvider().recognises(Map.of("path", "/tmp/x"))).isFalse();
        SecretStores.open(accessKey()).close();
    }
}
