package dev.secretstore.aws.internal;

import dev.secretstore.spi.StoreConfig;
import java.net.URI;
import java.util.Optional;

/**
 * A validated AWS config, resolved to what the clients need. Holds credentials, so its
 * {@link #toString()} names only what is safe to show.
 */
public final class AwsSettings {

    /** The managed tag key when the config names none. */
    public static final String DEFAULT_TAG_KEY = "AirbyteManaged";

    private final AuthType authType;
    private final String region;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String roleArn;
    private final String externalId;
    private final String tagKey;
    private final String kmsKeyArn;
    private final URI endpoint;
    private final URI stsEndpoint;
    private final int readConcurrency;
    private final int readRate;

    private AwsSettings(StoreConfig config) {
        this.authType = AuthType.valueOf(config.requireString(AwsConfigFields.AUTH_TYPE));
        this.region = config.requireString(AwsConfigFields.REGION);
        this.accessKeyId = config.string(AwsConfigFields.ACCESS_KEY).orElse(null);
        this.secretAccessKey = config.string(AwsConfigFields.SECRET_ACCESS_KEY).orElse(null);
        this.roleArn = config.string(AwsConfigFields.ROLE_ARN).orElse(null);
        this.externalId = config.string(AwsConfigFields.EXTERNAL_ID).filter(s -> !s.isBlank()).orElse(null);
        this.tagKey = config.string(AwsConfigFields.TAG_KEY).filter(s -> !s.isBlank()).orElse(DEFAULT_TAG_KEY);
        this.kmsKeyArn = config.string(AwsConfigFields.KMS_KEY_ARN).filter(s -> !s.isBlank()).orElse(null);
        this.endpoint = config.string(AwsConfigFields.ENDPOINT).map(URI::create).orElse(null);
        this.stsEndpoint = config.string(AwsConfigFields.STS_ENDPOINT).map(URI::create).orElse(endpoint);
        this.readConcurrency = config.integer(AwsConfigFields.READ_CONCURRENCY)
                .orElse(AwsConfigFields.DEFAULT_READ_CONCURRENCY);
        this.readRate = config.integer(AwsConfigFields.READ_RATE).orElse(AwsConfigFields.DEFAULT_READ_RATE);
    }

    /**
     * @param config a config the provider has validated
     * @return the settings
     */
    public static AwsSettings from(StoreConfig config) {
        return new AwsSettings(config);
    }

    /** @return BatchGetSecretValue calls in flight at once for one readAll */
    public int readConcurrency() {
        return readConcurrency;
    }

    /** @return BatchGetSecretValue calls started per second for readAll, retries included */
    public int readRate() {
        return readRate;
    }

    public AuthType authType() {
        return authType;
    }

    public String region() {
        return region;
    }

    String accessKeyId() {
        return accessKeyId;
    }

    String secretAccessKey() {
        return secretAccessKey;
    }

    public Optional<String> roleArn() {
        return Optional.ofNullable(roleArn);
    }

    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    public String tagKey() {
        return tagKey;
    }

    public Optional<String> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    public Optional<URI> stsEndpoint() {
        return Optional.ofNullable(stsEndpoint);
    }

    @Override
    public String toString() {
        return "AwsSettings[" + authType + ", region=" + region + ", tagKey=" + tagKey
                + (roleArn == null ? "" : ", roleArn=" + roleArn) + (endpoint == null ? "" : ", endpoint=" + endpoint)
                + "]";
    }
}
