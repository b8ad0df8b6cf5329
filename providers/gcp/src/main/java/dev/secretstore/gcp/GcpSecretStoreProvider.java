package dev.secretstore.gcp;

import com.google.auto.service.AutoService;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.SecretStoreException;
import dev.secretstore.gcp.internal.GcpConfigFields;
import dev.secretstore.gcp.internal.GcpPolicy;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.spi.VerificationStepKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Google Cloud Secret Manager, over gRPC with Google's Java client. Describing the provider touches no Google
 * class: only {@link #open(StoreConfig)} builds a client (in {@code dev.secretstore.gcp.internal}).
 */
@AutoService(SecretStoreProvider.class)
public final class GcpSecretStoreProvider implements SecretStoreProvider {

    /** The provider's name, as in a config's {@code "provider": "gcp"}. */
    public static final String NAME = "gcp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Google Cloud Secret Manager (gRPC; service-account key or Application Default Credentials)";
    }

    @Override
    public String version() {
        return Optional.ofNullable(getClass().getPackage().getImplementationVersion()).orElse("development");
    }

    @Override
    public Set<Capability> capabilities() {
        // Deletion is permanent on Secret Manager: no SOFT_DELETE, no RESTORE. No batch access call either.
        // No BINARY: a version holds bytes and nothing else, so whether a value was written as text or as bytes could
        // only be kept on the secret and read back with GetSecret, a "read request" (600 per minute per project)
        // on every access (90,000 per minute). Values are text; a payload that is not UTF-8 reads back as bytes.
        return EnumSet.of(Capability.VERSIONS, Capability.TAGS, Capability.LIST_BY_PREFIX,
                Capability.READ_SPECIFIC_VERSION, Capability.EXPIRY);
    }

    @Override
    public List<ConfigField> configFields() {
        return GcpConfigFields.fields();
    }

    @Override
    public boolean recognises(Map<String, ?> config) {
        return GcpConfigFields.recognises(config);
    }

    @Override
    public String shapeDescription() {
        return "gcp: auth_type (SERVICE_ACCOUNT_KEY + credentialsJson, or WORKLOAD_IDENTITY) + projectId";
    }

    @Override
    public List<ConfigProblem> validate(StoreConfig config) {
        return GcpConfigFields.validate(config);
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        return dev.secretstore.gcp.internal.GcpStoreOpener.open(config);
    }

    @Override
    public Optional<String> remediation(VerificationStepKind step, SecretStoreException failure) {
        // A failure that knows its documented cause (a missing permission named with its role, the API not enabled,
        // a project that does not exist) keeps its own hint; the step's generic grant hint is only a fallback.
        return failure.remediation().isPresent() ? Optional.empty() : GcpPolicy.remediation(step);
    }

    @Override
    public List<ConfigField> policyOptions() {
        return GcpPolicy.options();
    }

    @Override
    public Optional<String> recommendedPolicy(Map<String, String> options) {
        return Optional.of(GcpPolicy.commands(options));
    }
}
