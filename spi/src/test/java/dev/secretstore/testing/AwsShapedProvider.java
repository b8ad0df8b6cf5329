package dev.secretstore.testing;

import com.google.auto.service.AutoService;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.spi.ConfigChecks;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Declares the AWS config of CONFIGS.md; opens an in-memory store (no client is built). */
@AutoService(SecretStoreProvider.class)
public final class AwsShapedProvider implements SecretStoreProvider {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:[a-z-]+:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public String description() {
        return "AWS-shaped test provider";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TAGS, Capability.VERSIONS);
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(
                ConfigField.builder("auth_type").required(true).allowedValues(List.of("IAM_ROLE", "ACCESS_KEY"))
                        .description("IAM_ROLE or ACCESS_KEY").build(),
                ConfigField.builder("roleArn").description("IAM role to assume").build(),
                ConfigField.builder("externalId").description("AssumeRole external id").build(),
                ConfigField.builder("awsAccessKey").secret(true).description("access key id").build(),
                ConfigField.builder("awsSecretAccessKey").secret(true).description("secret access key").build(),
                ConfigField.builder("awsRegion").required(true).description("region, e.g. us-east-1").build(),
                ConfigField.builder("tagKey").defaultValue("AirbyteManaged").build(),
                ConfigField.builder("kmsKeyArn").build(),
                ConfigField.builder("endpoint").description("endpoint override").build());
    }

    @Override
    public boolean recognises(Map<String, ?> config) {
        return config.containsKey("awsRegion") || config.containsKey("roleArn") || config.containsKey("awsAccessKey");
    }

    @Override
    public String shapeDescription() {
        return "aws: auth_type + awsRegion (+ roleArn or awsAccessKey/awsSecretAccessKey)";
    }

    @Override
    public List<ConfigProblem> validate(StoreConfig c) {
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigChecks.requiredWhen(c, "roleArn", "auth_type", "IAM_ROLE").ifPresent(problems::add);
        ConfigChecks.requiredWhen(c, "awsAccessKey", "auth_type", "ACCESS_KEY").ifPresent(problems::add);
        ConfigChecks.requiredWhen(c, "awsSecretAccessKey", "auth_type", "ACCESS_KEY").ifPresent(problems::add);
        ConfigChecks.onlyWhen(c, "externalId", "auth_type", "IAM_ROLE").ifPresent(problems::add);
        ConfigChecks.matches("roleArn", c.string("roleArn").orElse(null), ROLE_ARN,
                "an IAM role ARN (arn:<partition>:iam::<12 digits>:role/<name>)").ifPresent(problems::add);
        ConfigChecks.matches("awsRegion", c.string("awsRegion").orElse(null), REGION,
                "a region name such as us-east-1").ifPresent(problems::add);
        ConfigChecks.httpsOrLoopback("endpoint", c.string("endpoint").orElse(null)).ifPresent(problems::add);
        return problems;
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        OpenCounter.OPENS.incrementAndGet();
        return new InMemorySpi(dev.secretstore.StoreLimits.defaults(), config.string("tagKey").orElseThrow());
    }
}
