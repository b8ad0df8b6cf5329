package dev.secretstore.gcp.internal;

import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.spi.ConfigChecks;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.support.concurrent.RequestRate;
import dev.secretstore.support.config.CloudConfigChecks;
import dev.secretstore.support.retry.RetrySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The GCP config fields of {@code CONFIGS.md} and their cross-field rules. Uses no Google class, so that
 * describing the provider loads none.
 */
public final class GcpConfigFields {

    public static final String AUTH_TYPE = "auth_type";
    public static final String PROJECT_ID = "projectId";
    public static final String CREDENTIALS_JSON = "credentialsJson";
    public static final String LABEL_KEY = "labelKey";
    public static final String REGION = "region";
    public static final String ENDPOINT = "endpoint";
    public static final String CA_CERTIFICATE_FILE = "caCertificateFile";
    public static final String NAME_PREFIX = "namePrefix";
    public static final String READ_CONCURRENCY = "readConcurrency";
    public static final String READ_RATE = "readRate";
    public static final String RETRY = RetrySettings.FIELD;

    public static final String SERVICE_ACCOUNT_KEY = "SERVICE_ACCOUNT_KEY";
    public static final String WORKLOAD_IDENTITY = "WORKLOAD_IDENTITY";
    public static final String DEFAULT_LABEL_KEY = "airbyte-managed";
    /** Parallel AccessSecretVersion calls of one readAll; their rate is bounded by readRate. */
    public static final int DEFAULT_READ_CONCURRENCY = 8;
    public static final int MAX_READ_CONCURRENCY = 64;
    /**
     * AccessSecretVersion calls per second for readAll: half the documented access quota (90,000 per minute per
     * project, 1,500 a second), leaving the other half to the project's other clients.
     */
    public static final int DEFAULT_READ_RATE = 750;
    public static final int MAX_READ_RATE = RequestRate.MAX_PER_SECOND;

    /** Secret ids are [A-Za-z0-9_-]{1,255}; a prefix leaves room for names. */
    static final Pattern NAME_PREFIX_PATTERN = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    static final String NAME_PREFIX_EXPECTED = "1-100 letters, digits, '_' or '-' (the characters of a secret id)";
    /** Secret Manager locations, e.g. us-central1, europe-west4, northamerica-northeast1. */
    static final Pattern REGION_PATTERN = Pattern.compile("[a-z]+(-[a-z]+)+[0-9]{1,2}");
    static final String REGION_EXPECTED = "a Secret Manager location such as us-central1 or europe-west4";
    /** A gRPC target: host:port, or https://host[:port][/]. */
    private static final Pattern ENDPOINT_PATTERN =
            Pattern.compile("(https://)?(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?/?");

    private GcpConfigFields() {
    }

    public static List<ConfigField> fields() {
        return List.of(
                ConfigField.builder(AUTH_TYPE).required(true)
                        .allowedValues(SERVICE_ACCOUNT_KEY, WORKLOAD_IDENTITY)
                        .description("SERVICE_ACCOUNT_KEY (a key JSON in credentialsJson) or WORKLOAD_IDENTITY "
                                + "(Application Default Credentials: GKE Workload Identity, an attached service "
                                + "account, workload identity federation)").build(),
                ConfigField.builder(PROJECT_ID).required(true)
                        .description("the Google Cloud project ID that holds the secrets").build(),
                ConfigField.builder(CREDENTIALS_JSON).secret(true)
                        .description("the service-account key file's JSON, as a string (SERVICE_ACCOUNT_KEY only)").build(),
                ConfigField.builder(LABEL_KEY).defaultValue(DEFAULT_LABEL_KEY)
                        .description("label marking the secrets this library manages (<labelKey>=true); "
                                + "lowercase, as GCP label keys are").build(),
                ConfigField.builder(REGION)
                        .description("use regional secrets in this location (e.g. europe-west4) instead of "
                                + "automatic replication").build(),
                ConfigField.builder(ENDPOINT)
                        .description("gRPC endpoint host:port (default secretmanager.googleapis.com:443, or "
                                + "secretmanager.<region>.rep.googleapis.com:443 with region); for emulators "
                                + "and private endpoints").build(),
                ConfigField.builder(CA_CERTIFICATE_FILE)
                        .description("PEM file of the only certificate authorities to trust for endpoint "
                                + "(an emulator's self-signed certificate); TLS is always verified").build(),
                ConfigField.builder(NAME_PREFIX)
                        .description("every secret id this store writes starts with it, so that an IAM condition "
                                + "on resource.name can confine the service account to these secrets").build(),
                ConfigField.builder(READ_CONCURRENCY).type(ConfigField.Type.INTEGER)
                        .defaultValue(String.valueOf(DEFAULT_READ_CONCURRENCY))
                        .description("parallel reads in readAll (1-" + MAX_READ_CONCURRENCY + ")").build(),
                ConfigField.builder(READ_RATE).type(ConfigField.Type.INTEGER)
                        .defaultValue(String.valueOf(DEFAULT_READ_RATE))
                        .description("readAll: AccessSecretVersion calls started per second (1-" + MAX_READ_RATE
                                + "; the documented quota is 90,000 a minute per project)").build(),
                RetrySettings.configField());
    }

    public static boolean recognises(Map<String, ?> config) {
        Object authType = config.get(AUTH_TYPE);
        return config.containsKey(PROJECT_ID)
                && (SERVICE_ACCOUNT_KEY.equals(authType) || WORKLOAD_IDENTITY.equals(authType)
                    || (authType == null && config.containsKey(CREDENTIALS_JSON)));
    }

    public static List<ConfigProblem> validate(StoreConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        boolean key = config.string(AUTH_TYPE).map(SERVICE_ACCOUNT_KEY::equals).orElse(false);
        CloudConfigChecks.gcpProjectId(config, PROJECT_ID).ifPresent(problems::add);
        CloudConfigChecks.gcpLabelKey(config, LABEL_KEY).ifPresent(problems::add);
        config.string(NAME_PREFIX).flatMap(v -> ConfigChecks.matches(NAME_PREFIX, v, NAME_PREFIX_PATTERN,
                NAME_PREFIX_EXPECTED)).ifPresent(problems::add);
        config.string(REGION).flatMap(v -> ConfigChecks.matches(REGION, v, REGION_PATTERN, REGION_EXPECTED))
                .ifPresent(problems::add);
        config.string(ENDPOINT).flatMap(GcpConfigFields::endpointProblem).ifPresent(problems::add);
        config.string(CA_CERTIFICATE_FILE).filter(f -> !java.nio.file.Files.isReadable(java.nio.file.Path.of(f)))
                .ifPresent(f -> problems.add(ConfigProblem.of(CA_CERTIFICATE_FILE, "is not a readable file; expected "
                        + "a PEM file of the certificate authorities to trust")));
        if (key) {
            if (config.string(CREDENTIALS_JSON).map(String::isBlank).orElse(true)) {
                problems.add(ConfigProblem.of(CREDENTIALS_JSON, "is required for auth_type SERVICE_ACCOUNT_KEY: "
                        + "the JSON of a service-account key file, as a string"));
            } else {
                ServiceAccountKeyJson.problem(config.string(CREDENTIALS_JSON).get())
                        .ifPresent(p -> problems.add(ConfigProblem.of(CREDENTIALS_JSON, p)));
            }
        } else if (config.has(CREDENTIALS_JSON)) {
            problems.add(ConfigProblem.of(CREDENTIALS_JSON, "is only used with auth_type SERVICE_ACCOUNT_KEY; "
                    + "WORKLOAD_IDENTITY takes Application Default Credentials from the environment"));
        }
        config.integer(READ_CONCURRENCY).filter(n -> n < 1 || n > MAX_READ_CONCURRENCY).ifPresent(n ->
                problems.add(ConfigProblem.of(READ_CONCURRENCY, "must be between 1 and " + MAX_READ_CONCURRENCY)));
        CloudConfigChecks.readRate(config, READ_RATE).ifPresent(problems::add);
        problems.addAll(RetrySettings.validate(config));
        return problems;
    }

    static Optional<String> labelKey(StoreConfig config) {
        return Optional.of(config.string(LABEL_KEY).orElse(DEFAULT_LABEL_KEY));
    }

    private static Optional<ConfigProblem> endpointProblem(String endpoint) {
        if (endpoint.startsWith("http://")) {
            return Optional.of(ConfigProblem.of(ENDPOINT, "must not be http://: Secret Manager is reached over gRPC "
                    + "with TLS (give host:port, and caCertificateFile for a self-signed certificate)"));
        }
        if (!ENDPOINT_PATTERN.matcher(endpoint).matches()) {
            return Optional.of(ConfigProblem.of(ENDPOINT, "must be host:port, e.g. secretmanager.googleapis.com:443 "
                    + "or 127.0.0.1:8443"));
        }
        return Optional.empty();
    }
}
