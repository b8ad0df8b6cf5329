package dev.secretstore.spi;

import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.SecretStoreException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A secret store implementation, found by {@link java.util.ServiceLoader}. A provider is a cheap
 * factory: constructing it and calling its describing methods must not build any cloud client or do
 * any I/O; only {@link #open(StoreConfig)} may.
 *
 * <pre>{@code
 * @AutoService(SecretStoreProvider.class)
 * public final class AcmeProvider implements SecretStoreProvider {
 *     public String name() { return "acme-vault"; }
 *     public String description() { return "ACME Vault over HTTPS"; }
 *     public Set<Capability> capabilities() { return EnumSet.of(Capability.TAGS, Capability.VERSIONS); }
 *     public List<ConfigField> configFields() {
 *         return List.of(ConfigField.builder("url").required(true).build(),
 *                        ConfigField.builder("token").required(true).secret(true).build());
 *     }
 *     public boolean recognises(Map<String, ?> config) { return config.containsKey("url") && config.containsKey("token"); }
 *     public SecretStoreSpi open(StoreConfig config) { return new AcmeStore(config.requireString("url"), ...); }
 * }
 * }</pre>
 *
 * <p>The facade validates the config generically against {@link #configFields()} (unknown field,
 * missing required, wrong type, value not allowed) before calling {@link #validate(StoreConfig)} and
 * {@link #open(StoreConfig)}. The engine enforces names, limits, the managed tag and the error contract,
 * so providers never re-implement them.
 */
public interface SecretStoreProvider {

    /** @return the unique provider name, e.g. "local", "aws", "acme-keystore" */
    String name();

    /** @return the store type this provider implements; by default its name */
    default String type() {
        return name();
    }

    /** @return one line describing the provider */
    String description();

    /**
     * The provider's version, shown by {@code secretstore providers}.
     *
     * @implSpec The default returns the {@code Implementation-Version} of the manifest of the jar that
     * holds the implementing class (Maven writes it with the jar plugin's
     * {@code <addDefaultImplementationEntries>true</addDefaultImplementationEntries>}), or
     * {@code "unknown"} where there is none, e.g. when the class comes from a directory.
     *
     * @return the provider version
     */
    default String version() {
        Package pkg = getClass().getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        return version == null || version.isBlank() ? "unknown" : version;
    }

    /** @return the optional features the provider supports */
    Set<Capability> capabilities();

    /** @return the config fields; drive validation, redaction and CLI help */
    List<ConfigField> configFields();

    /**
     * Shape detection for {@code SecretStores.open(config)} without a {@code provider} field.
     * Must be cheap and side-effect free.
     *
     * @param config the raw config
     * @return whether the config looks like one of this provider's
     */
    default boolean recognises(Map<String, ?> config) {
        return false;
    }

    /**
     * @return how a config of this provider looks, listed in "unrecognised/ambiguous config" errors;
     *     by default the name and the required fields, e.g. {@code "aws: auth_type + awsRegion"}
     */
    default String shapeDescription() {
        String required = configFields().stream().filter(ConfigField::required).map(ConfigField::name)
                .collect(Collectors.joining(" + "));
        return required.isEmpty() ? name() : name() + ": " + required;
    }

    /**
     * Cross-field rules run after the generic validation, e.g. "roleArn required for auth_type IAM_ROLE".
     * {@link ConfigChecks} has helpers. Problems must never contain the value of a secret field.
     *
     * @param config the config (already checked against {@link #configFields()})
     * @return the problems found; empty when valid
     */
    default List<ConfigProblem> validate(StoreConfig config) {
        return List.of();
    }

    /**
     * Opens a store. May build clients; should not need network I/O until the first operation.
     *
     * @param config the validated config
     * @return the opened store
     * @throws SecretStoreException e.g. {@code AuthenticationFailedException} for an unreadable key
     */
    SecretStoreSpi open(StoreConfig config);

    /**
     * A store-specific hint for a failed verification step, e.g. the IAM action to grant.
     *
     * <p>A step shows one hint: this one when present, otherwise the failure's own
     * {@link SecretStoreException#remediation()}, otherwise the engine's generic hint for the failure's
     * type. The step's detail is the failure's message without its remediation, so {@code verify} never
     * prints two hints for one step.
     *
     * @param step    the step that failed
     * @param failure the failure
     * @return the hint, or empty for the failure's own remediation (or the engine's generic one)
     */
    default Optional<String> remediation(VerificationStepKind step, SecretStoreException failure) {
        return Optional.empty();
    }

    /**
     * The options {@code secretstore policy <provider>} accepts for {@link #recommendedPolicy(Map)}, e.g. a
     * tag key, a KMS key ARN or a vault URL. Checked like config fields: unknown options and missing
     * required ones are refused before {@link #recommendedPolicy(Map)} is called.
     *
     * @implSpec The default declares none.
     * @return the options
     */
    default List<ConfigField> policyOptions() {
        return List.of();
    }

    /**
     * The least-privilege setup this provider recommends, as text to print: a policy document, or the
     * commands that grant the needed roles. Must do no I/O and build no client.
     *
     * <pre>{@code
     * provider.recommendedPolicy(Map.of("tag-key", "AirbyteManaged")).ifPresent(System.out::println);
     * }</pre>
     *
     * @implSpec The default returns empty: the provider has no recommendation to print.
     * @param options values for {@link #policyOptions()}, already checked
     * @return the recommendation, or empty
     */
    default Optional<String> recommendedPolicy(Map<String, String> options) {
        return Optional.empty();
    }

    /**
     * @param capability a capability
     * @return whether {@link #capabilities()} contains it
     */
    default boolean supports(Capability capability) {
        return capabilities().contains(capability);
    }
}
