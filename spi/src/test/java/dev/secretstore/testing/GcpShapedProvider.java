package dev.secretstore.testing;

import com.google.auto.service.AutoService;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.StoreLimits;
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

/** Declares the Google Secret Manager config of CONFIGS.md; opens an in-memory store. */
@AutoService(SecretStoreProvider.class)
public final class GcpShapedProvider implements SecretStoreProvider {

    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");

    @Override
    public String name() {
        return "gcp";
    }

    @Override
    public String description() {
        return "GCP-shaped test provider";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TAGS, Capability.VERSIONS, Capability.READ_SPECIFIC_VERSION);
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(
                ConfigField.builder("auth_type").required(true)
                        .allowedValues(List.of("SERVICE_ACCOUNT_KEY", "WORKLOAD_IDENTITY")).build(),
                ConfigField.builder("projectId").required(true).description("Google Cloud project id").build(),
                ConfigField.builder("credentialsJson").secret(true).description("service-account key JSON").build(),
                ConfigField.builder("labelKey").defaultValue("airbyte-managed").build(),
                ConfigField.builder("region").build(),
                ConfigField.builder("endpoint").build());
    }

    @Override
    public boolean recognises(Map<String, ?> config) {
        return config.containsKey("projectId");
    }

    @Override
    public String shapeDescription() {
        return "gcp: auth_type + projectId (+ credentialsJson)";
    }

    @Override
    public List<ConfigProblem> validate(StoreConfig c) {
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigChecks.requiredWhen(c, "credentialsJson", "auth_type", "SERVICE_ACCOUNT_KEY").ifPresent(problems::add);
        ConfigChecks.onlyWhen(c, "credentialsJson", "auth_type", "SERVICE_ACCOUNT_KEY").ifPresent(problems::add);
        ConfigChecks.matches("projectId", c.string("projectId").orElse(null), PROJECT_ID,
                "a project id: 6-30 lowercase letters, digits or hyphens, starting with a letter").ifPresent(problems::add);
        ConfigChecks.httpsOrLoopback("endpoint", c.string("endpoint").orElse(null)).ifPresent(problems::add);
        return problems;
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        OpenCounter.OPENS.incrementAndGet();
        return new InMemorySpi(StoreLimits.defaults(), config.string("labelKey").orElseThrow());
    }
}
