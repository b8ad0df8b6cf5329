package dev.secretstore.azure.internal;

import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.spi.ConfigChecks;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.support.concurrent.RequestRate;
import dev.secretstore.support.config.CloudConfigChecks;
import dev.secretstore.support.retry.RetrySettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Azure config fields (as {@code CONFIGS.md} documents them, plus the optional settings this provider adds),
 * their cross-field rules, and the parsed settings. Holds no SDK type: the provider class uses it to describe
 * and validate configs without loading the Azure SDK.
 */
public final class AzureConfig {
    public static final String AUTH_TYPE = "auth_type";
    public static final String VAULT_URL = "vaultUrl";
    public static final String TENANT_ID = "tenantId";
    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_SECRET = "clientSecret";
    public static final String TOKEN_FILE = "tokenFile";
    public static final String TAG_KEY = "tagKey";
    public static final String AUTHORITY_HOST = "authorityHost";
    public static final String CA_CERTIFICATE_FILE = "caCertificateFile";
    public static final String ON_SOFT_DELETED_NAME = "onSoftDeletedName";
    public static final String READ_CONCURRENCY = "readConcurrency";
    public static final String READ_RATE = "readRate";
    public static final String VERIFY_PROPAGATION_WAIT = "verifyPropagationWait";
    public static final String RETRY = RetrySettings.FIELD;

    public static final String SERVICE_PRINCIPAL = "SERVICE_PRINCIPAL";
    public static final String WORKLOAD_IDENTITY = "WORKLOAD_IDENTITY";
    public static final String DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com/";
    public static final String DEFAULT_TAG_KEY = "AirbyteManaged";
    /** The variable AKS workload identity sets to the projected service-account token. */
    public static final String TOKEN_FILE_ENV = "AZURE_FEDERATED_TOKEN_FILE";
    public static final int DEFAULT_READ_CONCURRENCY = 8;
    public static final int MAX_READ_CONCURRENCY = 64;
    /**
     * GetSecret calls per second for readAll: half the documented limit on secret transactions (4,000 per 10
     * seconds per vault and region, 400 a second), leaving the other half to the vault's other clients.
     */
    public static final int DEFAULT_READ_RATE = 200;
    public static final int MAX_READ_RATE = RequestRate.MAX_PER_SECOND;
    public static final String DEFAULT_PROPAGATION_WAIT = "PT2M";
    private static final Duration MAX_PROPAGATION_WAIT = Duration.ofMinutes(30);

    private AzureConfig() {
    }

    /** What to do when a name to create is held by a soft-deleted secret. */
    public enum SoftDeletedName { FAIL, RECOVER, PURGE }

    public static List<ConfigField> fields() {
        return List.of(
                ConfigField.builder(AUTH_TYPE).allowedValues(List.of(SERVICE_PRINCIPAL, WORKLOAD_IDENTITY))
                        .description("SERVICE_PRINCIPAL (client secret; the default when absent) or WORKLOAD_IDENTITY "
                                + "(federated token file, as on AKS)").build(),
                ConfigField.builder(VAULT_URL).required(true)
                        .description("the Vault URI from the vault's Overview page, https://<name>.vault.azure.net/").build(),
                ConfigField.builder(TENANT_ID).required(true).description("the Entra tenant (directory) id, a GUID").build(),
                ConfigField.builder(CLIENT_ID).required(true)
                        .description("the application (client) id, a GUID").build(),
                ConfigField.builder(CLIENT_SECRET).secret(true)
                        .description("the client secret's value (not its id); required for SERVICE_PRINCIPAL").build(),
                ConfigField.builder(TOKEN_FILE)
                        .description("WORKLOAD_IDENTITY only: the federated token file; default $" + TOKEN_FILE_ENV).build(),
                ConfigField.builder(TAG_KEY).defaultValue(DEFAULT_TAG_KEY)
                        .description("the tag <tagKey>=true that marks secrets as managed by secretstore").build(),
                ConfigField.builder(AUTHORITY_HOST).defaultValue(DEFAULT_AUTHORITY_HOST)
                        .description("the Entra authority (sovereign clouds, emulators), https:// only").build(),
                ConfigField.builder(CA_CERTIFICATE_FILE)
                        .description("PEM file of CA certificates to trust besides the JDK's (private endpoints, "
                                + "TLS-inspecting proxies, emulators)").build(),
                ConfigField.builder(ON_SOFT_DELETED_NAME).defaultValue(SoftDeletedName.FAIL.name())
                        .allowedValues(List.of("FAIL", "RECOVER", "PURGE"))
                        .description("creating a name held by a soft-deleted managed secret: FAIL with already-exists, "
                                + "RECOVER it and add the value, or PURGE it first").build(),
                ConfigField.builder(READ_CONCURRENCY).type(ConfigField.Type.INTEGER)
                        .defaultValue(String.valueOf(DEFAULT_READ_CONCURRENCY))
                        .description("parallel reads in readAll (Key Vault has no batch read), 1-" + MAX_READ_CONCURRENCY)
                        .build(),
                ConfigField.builder(READ_RATE).type(ConfigField.Type.INTEGER)
                        .defaultValue(String.valueOf(DEFAULT_READ_RATE))
                        .description("readAll: GetSecret calls started per second, 1-" + MAX_READ_RATE
                                + " (the vault's documented limit is 4,000 secret transactions per 10 s)").build(),
                ConfigField.builder(VERIFY_PROPAGATION_WAIT).defaultValue(DEFAULT_PROPAGATION_WAIT)
                        .description("how long verify waits for a new role assignment to propagate before it "
                                + "reports denial (ISO-8601 duration)").build(),
                RetrySettings.configField());
    }

    /** Cross-field rules; never echoes a value. */
    public static List<ConfigProblem> validate(StoreConfig c) {
        List<ConfigProblem> problems = new ArrayList<>();
        String authType = c.string(AUTH_TYPE).orElse(SERVICE_PRINCIPAL);
        c.string(VAULT_URL).ifPresent(url -> vaultUrlProblem(url).ifPresent(problems::add));
        CloudConfigChecks.guid(c, TENANT_ID).ifPresent(problems::add);
        CloudConfigChecks.guid(c, CLIENT_ID).ifPresent(problems::add);
        if (authType.equals(SERVICE_PRINCIPAL)) {
            if (c.string(CLIENT_SECRET).filter(s -> !s.isBlank()).isEmpty()) {
                problems.add(ConfigProblem.of(CLIENT_SECRET, "required for the service principal (auth_type absent or "
                        + SERVICE_PRINCIPAL + "): the client secret's value from the app registration's "
                        + "'Certificates & secrets' page"));
            }
            if (c.has(TOKEN_FILE)) {
                problems.add(ConfigProblem.of(TOKEN_FILE, "only allowed with auth_type " + WORKLOAD_IDENTITY));
            }
        } else {
            if (c.has(CLIENT_SECRET)) {
                problems.add(ConfigProblem.of(CLIENT_SECRET, "not used with auth_type " + WORKLOAD_IDENTITY
                        + " (the federated token file replaces it); remove it"));
            }
            if (c.string(TOKEN_FILE).isEmpty() && System.getenv(TOKEN_FILE_ENV) == null) {
                problems.add(ConfigProblem.of(TOKEN_FILE, "required for auth_type " + WORKLOAD_IDENTITY + " when $"
                        + TOKEN_FILE_ENV + " is not set (on AKS, label the pod azure.workload.identity/use=true)"));
            }
        }
        c.string(AUTHORITY_HOST).ifPresent(a -> ConfigChecks.httpsOnly(AUTHORITY_HOST, a).ifPresent(problems::add));
        c.string(TAG_KEY).ifPresent(k -> {
            if (k.isBlank() || k.length() > 512) {
                problems.add(ConfigProblem.of(TAG_KEY, "expected a tag name of 1-512 characters"));
            }
        });
        c.string(CA_CERTIFICATE_FILE).ifPresent(f -> {
            if (!Files.isReadable(Path.of(f))) {
                problems.add(ConfigProblem.of(CA_CERTIFICATE_FILE, "expected a readable PEM file of CA certificates"));
            }
        });
        c.integer(READ_CONCURRENCY).ifPresent(n -> {
            if (n < 1 || n > MAX_READ_CONCURRENCY) {
                problems.add(ConfigProblem.of(READ_CONCURRENCY, "expected 1-" + MAX_READ_CONCURRENCY));
            }
        });
        CloudConfigChecks.readRate(c, READ_RATE).ifPresent(problems::add);
        c.string(VERIFY_PROPAGATION_WAIT).ifPresent(w -> durationProblem(VERIFY_PROPAGATION_WAIT, w, MAX_PROPAGATION_WAIT)
                .ifPresent(problems::add));
        problems.addAll(RetrySettings.validate(c));
        return problems;
    }

    private static Optional<ConfigProblem> vaultUrlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            return Optional.of(ConfigProblem.of(VAULT_URL, "expected https://<vault-name>.vault.azure.net/ "
                    + "(copy the Vault URI from the vault's Overview page)"));
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("https") || uri.getHost() == null) {
            return Optional.of(ConfigProblem.of(VAULT_URL, "expected an https:// URL such as "
                    + "https://<vault-name>.vault.azure.net/ (Key Vault is HTTPS only; copy the Vault URI from the "
                    + "vault's Overview page)"));
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            return Optional.of(ConfigProblem.of(VAULT_URL, "expected the vault's URI without a path, such as "
                    + "https://<vault-name>.vault.azure.net/"));
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
            return Optional.of(ConfigProblem.of(VAULT_URL, "expected the vault's URI without user info or query"));
        }
        return Optional.empty();
    }

    private static Optional<ConfigProblem> durationProblem(String field, String value, Duration max) {
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative() || d.compareTo(max) > 0) {
                return Optional.of(ConfigProblem.of(field, "expected a duration from PT0S to " + max));
            }
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of(ConfigProblem.of(field, "expected an ISO-8601 duration such as PT2M"));
        }
    }


    /** The validated settings of one store. {@code toString} names no credential. */
    public record Settings(String authType, URI vaultUrl, String tenantId, String clientId, String clientSecret,
                           Optional<Path> tokenFile, String tagKey, String authorityHost,
                           Optional<Path> caCertificateFile, SoftDeletedName onSoftDeletedName, int readConcurrency,
                           int readRate, Duration propagationWait, RetrySettings retry) {

        public static Settings from(StoreConfig c) {
            String tokenFile = c.string(TOKEN_FILE).orElse(System.getenv(TOKEN_FILE_ENV));
            String vault = c.requireString(VAULT_URL).trim();
            return new Settings(
                    c.string(AUTH_TYPE).orElse(SERVICE_PRINCIPAL),
                    URI.create(vault.endsWith("/") ? vault : vault + "/"),
                    c.requireString(TENANT_ID),
                    c.requireString(CLIENT_ID),
                    c.string(CLIENT_SECRET).orElse(null),
                    Optional.ofNullable(tokenFile).map(Path::of),
                    c.string(TAG_KEY).orElse(DEFAULT_TAG_KEY),
                    c.string(AUTHORITY_HOST).orElse(DEFAULT_AUTHORITY_HOST),
                    c.string(CA_CERTIFICATE_FILE).map(Path::of),
                    SoftDeletedName.valueOf(c.string(ON_SOFT_DELETED_NAME).orElse("FAIL").toUpperCase(Locale.ROOT)),
                    c.integer(READ_CONCURRENCY).orElse(DEFAULT_READ_CONCURRENCY),
                    c.integer(READ_RATE).orElse(DEFAULT_READ_RATE),
                    Duration.parse(c.string(VERIFY_PROPAGATION_WAIT).orElse(DEFAULT_PROPAGATION_WAIT).trim()),
                    RetrySettings.from(c));
        }

        public boolean workloadIdentity() {
            return authType.equals(WORKLOAD_IDENTITY);
        }

        /** The vault's name: the first label of its host. */
        public String vaultName() {
            String host = vaultUrl.getHost();
            int dot = host.indexOf('.');
            return dot < 0 ? host : host.substring(0, dot);
        }

        @Override
        public String toString() {
            return "Settings[" + authType + ", vaultUrl=" + vaultUrl + ", tenantId=" + tenantId + ", clientId=" + clientId
                    + (clientSecret == null ? "" : ", clientSecret=***") + ", tagKey=" + tagKey + "]";
        }
    }
}
