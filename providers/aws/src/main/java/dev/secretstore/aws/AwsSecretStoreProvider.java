package dev.secretstore.aws;

import com.google.auto.service.AutoService;
import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreLimits;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.aws.internal.AwsConfigFields;
import dev.secretstore.aws.internal.AwsPolicy;
import dev.secretstore.aws.internal.AwsSecretStoreSpi;
import dev.secretstore.aws.internal.AwsSettings;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.spi.VerificationStepKind;
import dev.secretstore.support.names.NameCodecs;
import dev.secretstore.support.retry.RetrySettings;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS Secrets Manager, through the AWS SDK for Java v2. Describing the provider loads no SDK class: only
 * {@link #open(StoreConfig)} does, through {@code dev.secretstore.aws.internal}.
 *
 * <pre>{@code
 * SecretStore store = SecretStores.open(Map.of("auth_type", "IAM_ROLE",
 *         "roleArn", "arn:aws:iam::123456789012:role/AirbyteSecretsRole", "awsRegion", "us-east-1"));
 * }</pre>
 */
@SuppressWarnings("exports")
@AutoService(SecretStoreProvider.class)
public final class AwsSecretStoreProvider implements SecretStoreProvider {

    /** The provider's name. */
    public static final String NAME = "aws";

    /** AWS tag characters: Unicode letters, digits, white space and {@code _ . : / = + - @}. */
    private static final Pattern TAG_CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    static final StoreLimits LIMITS = StoreLimits.builder()
            .maxValueBytes(65_536)
            // Every portable name (at most 255 characters) is an AWS name as it is (AWS allows 512).
            .maxNameLength(NameCodecs.aws().maxPortableLength())
            .maxTags(50)
            .maxTagKeyLength(128)
            .maxTagValueLength(256)
            .tagKeyPattern(TAG_CHARACTERS)
            .tagValuePattern(TAG_CHARACTERS)
            .tagCharacters("letters, digits, white space and _ . : / = + - @")
            .build();

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.VERSIONS, Capability.BINARY, Capability.BATCH_READ, Capability.SOFT_DELETE, Capability.RESTORE,
            Capability.TAGS, Capability.LIST_BY_PREFIX, Capability.READ_SPECIFIC_VERSION));

    private static final List<ConfigField> POLICY_OPTIONS = List.of(
            ConfigField.builder("tag-key").defaultValue(AwsSettings.DEFAULT_TAG_KEY)
                    .description("the managed tag key of the store config (tagKey)").build(),
            ConfigField.builder("kms-key-arn").description("the customer-managed KMS key of the secrets (kmsKeyArn)")
                    .build(),
            ConfigField.builder("name-prefix").description("confine the identity to secrets whose names start with it")
                    .build(),
            ConfigField.builder("read-only").allowedValues("true", "false").defaultValue("false")
                    .description("print the read-only variant (reads of managed secrets only)").build());

    /** The instance {@link java.util.ServiceLoader} creates; touches no SDK class. */
    public AwsSecretStoreProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "AWS Secrets Manager (AWS SDK for Java v2): IAM role through STS, or an access key";
    }

    @Override
    public String version() {
        return Optional.ofNullable(getClass().getPackage().getImplementationVersion()).orElse("unknown");
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public List<ConfigField> configFields() {
        return AwsConfigFields.all();
    }

    @Override
    public boolean recognises(Map<String, ?> config) {
        Object authType = config.get(AwsConfigFields.AUTH_TYPE);
        return "IAM_ROLE".equals(authType) || "ACCESS_KEY".equals(authType)
                || config.containsKey(AwsConfigFields.REGION) || config.containsKey(AwsConfigFields.ROLE_ARN)
                || config.containsKey(AwsConfigFields.ACCESS_KEY);
    }

    @Override
    public String shapeDescription() {
        return NAME + ": auth_type (IAM_ROLE + roleArn, or ACCESS_KEY + awsAccessKey + awsSecretAccessKey) + awsRegion";
    }

    @Override
    public List<ConfigProblem> validate(StoreConfig config) {
        return AwsConfigFields.validate(config);
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        return AwsSecretStoreSpi.open(AwsSettings.from(config), RetrySettings.from(config), LIMITS);
    }

    @Override
    public Optional<String> remediation(VerificationStepKind step, SecretStoreException failure) {
        if (failure.remediation().isPresent()) {
            return failure.remediation();
        }
        if (failure instanceof AccessDeniedException) {
            return Optional.of("attach the policy 'secretstore policy aws' prints to this user or role");
        }
        if (failure instanceof AuthenticationFailedException) {
            return Optional.of("check the credentials of the config, or the machine's default credentials for IAM_ROLE");
        }
        if (failure instanceof StoreUnavailableException) {
            return Optional.of("check awsRegion and endpoint, and the network route to Secrets Manager");
        }
        return Optional.empty();
    }

    @Override
    public List<ConfigField> policyOptions() {
        return POLICY_OPTIONS;
    }

    @Override
    public Optional<String> recommendedPolicy(Map<String, String> options) {
        String tagKey = Optional.ofNullable(options.get("tag-key")).filter(s -> !s.isBlank())
                .orElse(AwsSettings.DEFAULT_TAG_KEY);
        return Optional.of(AwsPolicy.of(tagKey, Optional.ofNullable(options.get("kms-key-arn")).filter(s -> !s.isBlank()),
                Optional.ofNullable(options.get("name-prefix")).filter(s -> !s.isBlank()),
                "true".equals(options.get("read-only"))).json());
    }

    @Override
    public String toString() {
        return "AwsSecretStoreProvider[" + NAME + "]";
    }
}
