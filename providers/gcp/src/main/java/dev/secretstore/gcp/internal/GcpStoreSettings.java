package dev.secretstore.gcp.internal;

import dev.secretstore.spi.StoreConfig;
import dev.secretstore.support.retry.RetrySettings;
import java.util.Optional;

/** The parsed config of one store. {@code toString} leaves the key out. */
final class GcpStoreSettings {

    private final String projectId;
    private final String labelKey;
    private final String region;
    private final String endpoint;
    private final String caCertificateFile;
    private final String namePrefix;
    private final int readConcurrency;
    private final int readRate;
    private final RetrySettings retry;
    private final String keyJson;

    private GcpStoreSettings(StoreConfig c) {
        this.projectId = c.requireString(GcpConfigFields.PROJECT_ID);
        this.labelKey = GcpConfigFields.labelKey(c).orElseThrow();
        this.region = c.string(GcpConfigFields.REGION).orElse(null);
        this.endpoint = c.string(GcpConfigFields.ENDPOINT).orElse(null);
        this.caCertificateFile = c.string(GcpConfigFields.CA_CERTIFICATE_FILE).orElse(null);
        this.namePrefix = c.string(GcpConfigFields.NAME_PREFIX).orElse("");
        this.readConcurrency = c.integer(GcpConfigFields.READ_CONCURRENCY).orElse(GcpConfigFields.DEFAULT_READ_CONCURRENCY);
        this.readRate = c.integer(GcpConfigFields.READ_RATE).orElse(GcpConfigFields.DEFAULT_READ_RATE);
        this.retry = RetrySettings.from(c);
        boolean key = c.string(GcpConfigFields.AUTH_TYPE).map(GcpConfigFields.SERVICE_ACCOUNT_KEY::equals).orElse(false);
        this.keyJson = key ? c.requireString(GcpConfigFields.CREDENTIALS_JSON) : null;
    }

    static GcpStoreSettings from(StoreConfig config) {
        return new GcpStoreSettings(config);
    }

    String projectId() {
        return projectId;
    }

    String labelKey() {
        return labelKey;
    }

    Optional<String> region() {
        return Optional.ofNullable(region);
    }

    Optional<String> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    Optional<String> caCertificateFile() {
        return Optional.ofNullable(caCertificateFile);
    }

    String namePrefix() {
        return namePrefix;
    }

    int readConcurrency() {
        return readConcurrency;
    }

    /** AccessSecretVersion calls readAll starts per second, retries included. */
    int readRate() {
        return readRate;
    }

    RetrySettings retry() {
        return retry;
    }

    Optional<String> keyJson() {
        return Optional.ofNullable(keyJson);
    }

    /** The key's own project, when it differs from {@code projectId} (allowed; verify mentions it). */
    Optional<String> keyProjectIdIfDifferent() {
        return keyJson().flatMap(ServiceAccountKeyJson::projectId).filter(p -> !p.equals(projectId));
    }

    /** {@code projects/P} or {@code projects/P/locations/R}: where secrets are created and listed. */
    String parent() {
        return region == null ? "projects/" + projectId : "projects/" + projectId + "/locations/" + region;
    }

    @Override
    public String toString() {
        return "GcpStoreSettings[project=" + projectId + ", labelKey=" + labelKey + ", region=" + region
                + ", endpoint=" + endpoint + ", namePrefix=" + namePrefix + ", key=" + (keyJson == null ? "ADC" : "***") + "]";
    }
}
