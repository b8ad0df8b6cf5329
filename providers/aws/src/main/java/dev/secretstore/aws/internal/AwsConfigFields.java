package dev.secretstore.aws.internal;

import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.spi.ConfigChecks;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.support.concurrent.RequestRate;
import dev.secretstore.support.config.CloudConfigChecks;
import dev.secretstore.support.retry.RetrySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of an AWS config, exactly as the shared config document names them, and the cross-field rules
 * the generic validation cannot express. No problem ever repeats a value: only the field and what was
 * expected.
 */
public final class AwsConfigFields {

    public static final String AUTH_TYPE = "auth_type";
    public static final String ROLE_ARN = "roleArn";
    public static final String EXTERNAL_ID = "externalId";
    public static final String ACCESS_KEY = "awsAccessKey";
    public static final String SECRET_ACCESS_KEY = "awsSecretAccessKey";
    public static final String REGION = "awsRegion";
    public static final String TAG_KEY = "tagKey";
    public static final String KMS_KEY_ARN = "kmsKeyArn";
    public static final String ENDPOINT = "endpoint";
    public static final String STS_ENDPOINT = "stsEndpoint";
    public static final String RETRY = "retry";
    public static final String READ_CONCURRENCY = "readConcurrency";
    /** BatchGetSecretValue calls in flight at once for one readAll; their rate is bounded by readRate. */
    static final int DEFAULT_READ_CONCURRENCY = 8;
    static final int MAX_READ_CONCURRENCY = 32;
    public static final String READ_RATE = "readRate";
    /**
     * BatchGetSecretValue calls per second for readAll: half the documented quota (100 per second per region, not
     * adjustable), so that 1,000 secrets a second leave the other half to the account's other clients.
     */
    static final int DEFAULT_READ_RATE = 50;
    static final int MAX_READ_RATE = RequestRate.MAX_PER_SECOND;

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");
    private static final Pattern EXTERNAL_ID_FORMAT = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    /** AWS tag keys: 1–128 of these characters, not starting with the reserved {@code aws:}. */
    static final Pattern TAG_CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private static final List<ConfigField> FIELDS = List.of(
            ConfigField.builder(AUTH_TYPE).required(true).allowedValues("IAM_ROLE", "ACCESS_KEY")
                    .description("IAM_ROLE (STS AssumeRole with the machine's default credentials) or ACCESS_KEY")
                    .build(),
            ConfigField.builder(ROLE_ARN)
                    .description("IAM_ROLE: the role to assume, arn:aws:iam::<account>:role/<name>").build(),
            ConfigField.builder(EXTERNAL_ID)
                    .description("IAM_ROLE: the external id the role's trust policy requires (sts:ExternalId)").build(),
            ConfigField.builder(ACCESS_KEY).secret(true).description("ACCESS_KEY: the access key id").build(),
            ConfigField.builder(SECRET_ACCESS_KEY).secret(true).description("ACCESS_KEY: the secret access key").build(),
            ConfigField.builder(REGION).required(true).description("the region of the secrets, e.g. us-east-1").build(),
            ConfigField.builder(TAG_KEY).defaultValue(AwsSettings.DEFAULT_TAG_KEY)
                    .description("tag key marking secrets as managed (<tagKey>=true)").build(),
            ConfigField.builder(KMS_KEY_ARN)
                    .description("customer-managed KMS key for new secrets (default: the aws/secretsmanager key)").build(),
            ConfigField.builder(ENDPOINT)
                    .description("Secrets Manager (and STS) endpoint override for VPC endpoints and emulators;"
                            + " http:// only on loopback").build(),
            ConfigField.builder(STS_ENDPOINT)
                    .description("STS endpoint override (default: endpoint, else the regional STS endpoint);"
                            + " http:// only on loopback").build(),
            ConfigField.builder(READ_CONCURRENCY).type(ConfigField.Type.INTEGER)
                    .defaultValue(String.valueOf(DEFAULT_READ_CONCURRENCY))
                    .description("readAll: BatchGetSecretValue calls (20 names each) in flight at once, 1 to "
                            + MAX_READ_CONCURRENCY).build(),
            ConfigField.builder(READ_RATE).type(ConfigField.Type.INTEGER)
                    .defaultValue(String.valueOf(DEFAULT_READ_RATE))
                    .description("readAll: BatchGetSecretValue calls started per second, 1 to " + MAX_READ_RATE
                            + " (the documented quota is 100 per second per region)").build(),
            RetrySettings.configField());

    private AwsConfigFields() {
    }

    /** @return the declared fields */
    public static List<ConfigField> all() {
        return FIELDS;
    }

    /**
     * @param config a config that passed the generic checks
     * @return the cross-field problems, without any value
     */
    public static List<ConfigProblem> validate(StoreConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        String authType = config.string(AUTH_TYPE).orElse("");
        if (authType.equals("IAM_ROLE")) {
            ConfigChecks.requiredWhen(config, ROLE_ARN, AUTH_TYPE, "IAM_ROLE").ifPresent(problems::add);
            for (String key : List.of(ACCESS_KEY, SECRET_ACCESS_KEY)) {
                if (config.has(key)) {
                    problems.add(ConfigProblem.of(key, "not used with auth_type IAM_ROLE: the role is assumed with the"
                            + " machine's default credentials (environment, web identity, profile, instance role);"
                            + " remove it, or use auth_type ACCESS_KEY"));
                }
            }
        } else if (authType.equals("ACCESS_KEY")) {
            ConfigChecks.requiredWhen(config, ACCESS_KEY, AUTH_TYPE, "ACCESS_KEY").ifPresent(problems::add);
            ConfigChecks.requiredWhen(config, SECRET_ACCESS_KEY, AUTH_TYPE, "ACCESS_KEY").ifPresent(problems::add);
            for (String key : List.of(ROLE_ARN, EXTERNAL_ID)) {
                if (config.has(key)) {
                    problems.add(ConfigProblem.of(key, "used only with auth_type IAM_ROLE; remove it, or use"
                            + " auth_type IAM_ROLE"));
                }
            }
        }
        config.integer(READ_CONCURRENCY).filter(n -> n < 1 || n > MAX_READ_CONCURRENCY).ifPresent(n ->
                problems.add(ConfigProblem.of(READ_CONCURRENCY, "expected a whole number from 1 to " + MAX_READ_CONCURRENCY)));
        CloudConfigChecks.readRate(config, READ_RATE).ifPresent(problems::add);
        CloudConfigChecks.awsRegion(config, REGION).ifPresent(problems::add);
        CloudConfigChecks.awsRoleArn(config, ROLE_ARN).ifPresent(problems::add);
        check(config, EXTERNAL_ID, EXTERNAL_ID_FORMAT, "2 to 1224 of the characters A-Z a-z 0-9 + = , . @ : / - _")
                .ifPresent(problems::add);
        CloudConfigChecks.awsKmsKeyArn(config, KMS_KEY_ARN).ifPresent(problems::add);
        check(config, ACCESS_KEY, ACCESS_KEY_ID, "an access key id (16 or more capital letters and digits, e.g. AKIA…)")
                .ifPresent(problems::add);
        tagKeyProblem(config).ifPresent(problems::add);
        CloudConfigChecks.endpoint(config, ENDPOINT).ifPresent(problems::add);
        CloudConfigChecks.endpoint(config, STS_ENDPOINT).ifPresent(problems::add);
        problems.addAll(RetrySettings.validate(config));
        return problems;
    }

    private static Optional<ConfigProblem> check(StoreConfig config, String field, Pattern pattern, String expectation) {
        return ConfigChecks.matches(field, config.string(field).orElse(null), pattern, expectation);
    }

    private static Optional<ConfigProblem> tagKeyProblem(StoreConfig config) {
        Optional<String> tagKey = config.string(TAG_KEY);
        if (tagKey.isEmpty()) {
            return Optional.empty();
        }
        String key = tagKey.get();
        if (key.isBlank() || key.length() > 128 || !TAG_CHARACTERS.matcher(key).matches()) {
            return Optional.of(ConfigProblem.of(TAG_KEY, "expected 1 to 128 letters, digits, spaces or _ . : / = + - @"));
        }
        if (key.regionMatches(true, 0, "aws:", 0, 4)) {
            return Optional.of(ConfigProblem.of(TAG_KEY, "tag keys starting with aws: are reserved by AWS"));
        }
        return Optional.empty();
    }
}
