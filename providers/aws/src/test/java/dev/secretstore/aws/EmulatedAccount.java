package dev.secretstore.aws;

import dev.secretstore.emulator.aws.AwsSecretsManagerEmulator;
import dev.secretstore.emulator.aws.DefaultIdentity;
import java.util.LinkedHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import java.util.Map;

/**
 * An emulated AWS account for the provider's tests: users and roles whose policies are the ones
 * {@code secretstore policy aws} prints (and its read-only variant), loaded into a fresh emulator.
 */
final class EmulatedAccount implements AutoCloseable {

    static final String ACCOUNT = DefaultIdentity.ACCOUNT_ID;
    static final String REGION = DefaultIdentity.REGION;
    static final String TAG_KEY = "AirbyteManaged";

    /** A user holding exactly the printed least-privilege policy. */
    static final String APP_KEY = "AKIASECRETSTOREAPP01";
    static final String APP_SECRET = "app-secret-key-0123456789abcdefghijklmnop";
    /** A user holding the printed read-only policy. */
    static final String READER_KEY = "AKIASECRETSTOREREAD1";
    static final String READER_SECRET = "reader-secret-key-0123456789abcdefghijkl";
    /** A user holding the weak policy the old documentation showed (ForAllValues on the resource tag). */
    static final String WEAK_KEY = "AKIASECRETSTOREWEAK1";
    static final String WEAK_SECRET = "weak-secret-key-0123456789abcdefghijklmno";
    /** The source identity of IAM_ROLE: may only assume roles. */
    static final String SOURCE_KEY = "AKIASECRETSTORESRC01";
    static final String SOURCE_SECRET = "source-secret-key-0123456789abcdefghijkl";
    static final String UNKNOWN_KEY = "AKIASECRETSTORENONE1";
    static final String UNKNOWN_SECRET = "unknown-secret-key-0123456789abcdefghijk";

    static final String EXTERNAL_ID = "secretstore-tests-ext";
    static final String ADMIN_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/secretstore-admin";
    static final String READER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/secretstore-reader";
    static final String UNTRUSTING_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/secretstore-untrusting";

    final AwsSecretsManagerEmulator emulator;

    private EmulatedAccount() {
        String printed = new AwsSecretStoreProvider().recommendedPolicy(Map.of("tag-key", TAG_KEY)).orElseThrow();
        String readOnly = new AwsSecretStoreProvider()
                .recommendedPolicy(Map.of("tag-key", TAG_KEY, "read-only", "true")).orElseThrow();
        String state = "{\"accounts\": [{\"id\": \"" + ACCOUNT + "\",\n"
                + "\"users\": [\n"
                + user("secretstore-app", APP_KEY, APP_SECRET, printed) + ",\n"
                + user("secretstore-reader", READER_KEY, READER_SECRET, readOnly) + ",\n"
                + user("secretstore-weak", WEAK_KEY, WEAK_SECRET, weakDocumentedPolicy()) + ",\n"
                + user("secretstore-source", SOURCE_KEY, SOURCE_SECRET,
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                                + "\"Resource\":\"*\"}]}")
                + "],\n\"roles\": [\n"
                + role("secretstore-admin", trust(true), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                        + "\"Allow\",\"Action\":\"secretsmanager:*\",\"Resource\":\"*\"}]}") + ",\n"
                + role("secretstore-reader", trust(true), readOnly) + ",\n"
                + role("secretstore-untrusting", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":user/admin\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}", readOnly)
                + "]}]}";
        this.emulator = AwsSecretsManagerEmulator.builder().port(0).state(state).build().start();
    }

    static EmulatedAccount start() {
        return new EmulatedAccount();
    }

    /** The policy the top-level README used to document: ForAllValues on a single-valued key. */
    static String weakDocumentedPolicy() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                + "\"secretsmanager:CreateSecret\",\"secretsmanager:PutSecretValue\",\"secretsmanager:GetSecretValue\","
                + "\"secretsmanager:DescribeSecret\",\"secretsmanager:ListSecretVersionIds\",\"secretsmanager:TagResource\","
                + "\"secretsmanager:DeleteSecret\",\"secretsmanager:RestoreSecret\"],"
                + "\"Resource\":\"arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:*\","
                + "\"Condition\":{\"ForAllValues:StringEquals\":{\"secretsmanager:ResourceTag/" + TAG_KEY + "\":\"true\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:ListSecrets\",\"secretsmanager:BatchGetSecretValue\"],"
                + "\"Resource\":\"*\"}]}";
    }

    private static String user(String name, String key, String secret, String policy) {
        return "{\"name\":\"" + name + "\",\"accessKeys\":[{\"accessKeyId\":\"" + key + "\",\"secretAccessKey\":\""
                + secret + "\"}],\"policies\":[" + policy + "]}";
    }

    private static String role(String name, String trust, String policy) {
        return "{\"name\":\"" + name + "\",\"maxSessionDurationSeconds\":3600,\"trustPolicy\":" + trust
                + ",\"policies\":[" + policy + "]}";
    }

    private static String trust(boolean withExternalId) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":user/secretstore-source\"},\"Action\":\"sts:AssumeRole\""
                + (withExternalId ? ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + EXTERNAL_ID + "\"}}" : "")
                + "}]}";
    }

    Map<String, Object> accessKeyConfig(String key, String secret) {
        Map<String, Object> config = base("ACCESS_KEY");
        config.put("awsAccessKey", key);
        config.put("awsSecretAccessKey", secret);
        return config;
    }

    Map<String, Object> roleConfig(String roleArn) {
        Map<String, Object> config = base("IAM_ROLE");
        config.put("roleArn", roleArn);
        config.put("externalId", EXTERNAL_ID);
        return config;
    }

    private Map<String, Object> base(String authType) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("provider", "aws");
        config.put("auth_type", authType);
        config.put("awsRegion", REGION);
        config.put("endpoint", emulator.endpoint().toString());
        config.put("tagKey", TAG_KEY);
        config.put("retry", Map.of("maxAttempts", 3, "initialBackoff", "PT0.01S", "maxBackoff", "PT0.05S"));
        return config;
    }

    /** An SDK client as the emulator's admin user, for looking at what a store did. */
    SecretsManagerClient admin() {
        return SecretsManagerClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        DefaultIdentity.ADMIN_ACCESS_KEY_ID, DefaultIdentity.ADMIN_SECRET_ACCESS_KEY)))
                .build();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
