package dev.secretstore.support.config;

import dev.secretstore.ConfigProblem;
import dev.secretstore.spi.ConfigChecks;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.support.concurrent.RequestRate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Config checks the cloud providers share, on top of {@link ConfigChecks}. Each reads one field of the
 * config and returns its problem (the field and what was expected), never quoting the value; an absent
 * field, or one that is not a string (the facade reports the type), passes.
 *
 * <pre>{@code
 * public List<ConfigProblem> validate(StoreConfig c) {
 *     List<ConfigProblem> problems = new ArrayList<>(RetrySettings.validate(c));
 *     CloudConfigChecks.awsRegion(c, "awsRegion").ifPresent(problems::add);
 *     CloudConfigChecks.awsRoleArn(c, "roleArn").ifPresent(problems::add);
 *     CloudConfigChecks.endpoint(c, "endpoint").ifPresent(problems::add);
 *     return problems;
 * }
 * }</pre>
 */
public final class CloudConfigChecks {

    private static final String PARTITION = "aws(?:-cn|-us-gov|-iso(?:-[a-z])?)?";
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-\\d{1,2}");
    private static final Pattern AWS_ROLE_ARN =
            Pattern.compile("arn:" + PARTITION + ":iam::\\d{12}:role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern AWS_KMS_KEY_ARN = Pattern.compile("arn:" + PARTITION
            + ":kms:[a-z]{2}(?:-[a-z]+)+-\\d{1,2}:\\d{12}:(?:key/(?:[0-9a-fA-F-]{36}|mrk-[0-9a-fA-F]{32})|alias/[\\w/-]{1,250})");
    private static final Pattern GCP_PROJECT_ID =
            Pattern.compile("(?:[a-z0-9][a-z0-9.-]{0,61}[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern GCP_LABEL_KEY = Pattern.compile("[\\p{Ll}\\p{Lo}][\\p{Ll}\\p{Lo}\\p{N}_-]{0,62}");

    private CloudConfigChecks() {
    }

    /**
     * A service endpoint override: an absolute {@code https://} URL, or {@code http://} on a loopback host
     * only (localhost, 127.0.0.0/8, ::1), where emulators run; anything else would send credentials in
     * clear.
     *
     * @param config the config
     * @param field  the field, e.g. {@code "endpoint"}
     * @return the problem, if any
     */
    public static Optional<ConfigProblem> endpoint(StoreConfig config, String field) {
        return ConfigChecks.httpsOrLoopback(field, text(config, field));
    }

    /**
     * @param config the config
     * @param field  the field, e.g. {@code "vaultUrl"}
     * @return a problem unless the field is an absolute {@code https://} URL with a host
     */
    public static Optional<ConfigProblem> httpsUrl(StoreConfig config, String field) {
        return ConfigChecks.httpsOnly(field, text(config, field));
    }

    /**
     * @param config the config
     * @param field  the field, e.g. {@code "awsRegion"}
     * @return a problem unless the field is a region name such as {@code us-east-1} or {@code us-gov-west-1}
     */
    public static Optional<ConfigProblem> awsRegion(StoreConfig config, String field) {
        String value = text(config, field);
        if (value == null || AWS_REGION.matcher(value).matches()) {
            return Optional.empty();
        }
        String hint = AWS_REGION.matcher(value.trim().toLowerCase(java.util.Locale.ROOT)).matches()
                ? " (region names are lower case, without spaces)" : "";
        return problem(field, "expected an AWS region name such as us-east-1 or eu-central-1" + hint);
    }

    /**
     * @param config the config
     * @param field  the field, e.g. {@code "roleArn"}
     * @return a problem unless the field is an IAM role ARN
     *     ({@code arn:<partition>:iam::<12 digits>:role/<path/name>})
     */
    public static Optional<ConfigProblem> awsRoleArn(StoreConfig config, String field) {
        String value = text(config, field);
        if (value == null || AWS_ROLE_ARN.matcher(value).matches()) {
            return Optional.empty();
        }
        String hint = value.matches("arn:[^:]*:iam::\\d{12}:user/.*") ? " (this is a user's ARN, not a role's)"
                : value.matches("\\d{12}") ? " (this is an account id, not a role's ARN)" : "";
        return problem(field, "expected an IAM role ARN such as arn:aws:iam::123456789012:role/AirbyteSecretsRole" + hint);
    }

    /**
     * @param config the config
     * @param field  the field, e.g. {@code "kmsKeyArn"}
     * @return a problem unless the field is a KMS key ARN ({@code arn:aws:kms:<region>:<account>:key/<id>})
     *     or alias ARN ({@code ...:alias/<name>})
     */
    public static Optional<ConfigProblem> awsKmsKeyArn(StoreConfig config, String field) {
        String value = text(config, field);
        if (value == null || AWS_KMS_KEY_ARN.matcher(value).matches()) {
            return Optional.empty();
        }
        return problem(field, "expected a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/"
                + "1234abcd-12ab-34cd-56ef-1234567890ab, or an alias ARN (...:alias/name)");
    }

    /**
     * @param config the config
     * @param field  the field, e.g. {@code "tenantId"}
     * @return a problem unless the field is a GUID (8-4-4-4-12 hexadecimal digits)
     */
    public static Optional<ConfigProblem> guid(StoreConfig config, String field) {
        return ConfigChecks.guid(field, text(config, field));
    }

    /**
     * A {@code readAll} request rate ({@code readRate}), requests started per second: the same range on every cloud,
     * that of {@link RequestRate#perSecond}.
     *
     * @param config the config
     * @param field  the field, e.g. {@code "readRate"}
     * @return a problem when the field is present and outside 1 to {@link RequestRate#MAX_PER_SECOND}
     */
    public static Optional<ConfigProblem> readRate(StoreConfig config, String field) {
        return config.integer(field).filter(n -> n < 1 || n > RequestRate.MAX_PER_SECOND).map(n -> ConfigProblem.of(
                field, "expected a whole number of requests per second from 1 to " + RequestRate.MAX_PER_SECOND));
    }

    /**
     * A Google Cloud project id: 6–30 lowercase letters, digits or hyphens, starting with a letter and not
     * ending with a hyphen (optionally {@code domain:} first, as legacy domain-scoped projects have).
     *
     * @param config the config
     * @param field  the field, e.g. {@code "projectId"}
     * @return a problem unless the field is a project id; the message says when it looks like a project
     *     number or name instead
     */
    public static Optional<ConfigProblem> gcpProjectId(StoreConfig config, String field) {
        String value = text(config, field);
        if (value == null || GCP_PROJECT_ID.matcher(value).matches()) {
            return Optional.empty();
        }
        String hint = value.matches("\\d+") ? " (this looks like the project number; use the project id)"
                : value.matches(".*[A-Z ].*") ? " (this looks like the project name; use the project id, which is lower case)"
                : "";
        return problem(field, "expected a project id: 6 to 30 lowercase letters, digits or hyphens, starting with a "
                + "letter, such as my-project-123" + hint);
    }

    /**
     * A Google Cloud label key: 1–63 characters, lowercase letters (any script), digits, '_' and '-',
     * starting with a lowercase letter.
     *
     * @param config the config
     * @param field  the field, e.g. {@code "labelKey"}
     * @return the problem, if any
     */
    public static Optional<ConfigProblem> gcpLabelKey(StoreConfig config, String field) {
        String value = text(config, field);
        if (value == null || GCP_LABEL_KEY.matcher(value).matches()) {
            return Optional.empty();
        }
        String hint = GCP_LABEL_KEY.matcher(value.toLowerCase(java.util.Locale.ROOT)).matches()
                ? " (label keys are lower case, e.g. airbyte-managed)" : "";
        return problem(field, "expected a label key: 1 to 63 lowercase letters, digits, '_' or '-', starting with a "
                + "lowercase letter" + hint);
    }

    private static String text(StoreConfig config, String field) {
        Object raw = config.asMap().get(field);
        return raw instanceof String ? (String) raw : null;
    }

    private static Optional<ConfigProblem> problem(String field, String message) {
        return Optional.of(ConfigProblem.of(field, message));
    }
}
