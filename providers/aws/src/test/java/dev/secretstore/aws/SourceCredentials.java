package dev.secretstore.aws;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Source credentials for IAM_ROLE tests through the SDK's default chain, which reads its system properties
 * ({@code aws.accessKeyId}, {@code aws.webIdentityTokenFile}, …) before the environment; the JVM's environment is never
 * touched. The previous values are put back by {@link #restore()}.
 */
final class SourceCredentials {

    private static final String[] KEYS = {"aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken",
        "aws.webIdentityTokenFile", "aws.roleArn", "aws.roleSessionName", "aws.region", "aws.endpointUrlSts",
        "aws.disableEc2Metadata", "aws.sharedCredentialsFile", "aws.configFile"};
    private final Map<String, String> previous = new HashMap<>();

    private SourceCredentials() {
        for (String key : KEYS) {
            previous.put(key, System.getProperty(key));
        }
    }

    static synchronized SourceCredentials set(String accessKeyId, String secretAccessKey) {
        SourceCredentials saved = new SourceCredentials();
        System.setProperty("aws.accessKeyId", accessKeyId);
        System.setProperty("aws.secretAccessKey", secretAccessKey);
        System.clearProperty("aws.sessionToken");
        return saved;
    }

    /**
     * IRSA as EKS sets it up, through the system properties the SDK reads before the environment: a web identity
     * token file and the pod's role; no access keys. {@code aws.endpointUrlSts} is the SDK's own setting for its
     * STS endpoint, which the web identity provider's STS client honours; {@code aws.region} keeps that client off
     * its global-endpoint fallback.
     */
    static synchronized SourceCredentials webIdentity(Path tokenFile, String podRoleArn, URI stsEndpoint,
                                                     String region) {
        SourceCredentials saved = new SourceCredentials();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.sessionToken");
        System.setProperty("aws.webIdentityTokenFile", tokenFile.toString());
        System.setProperty("aws.roleArn", podRoleArn);
        System.setProperty("aws.roleSessionName", "secretstore-pod");
        System.setProperty("aws.endpointUrlSts", stsEndpoint.toString());
        System.setProperty("aws.region", region);
        return saved;
    }

    /**
     * No source credentials anywhere the chain looks on this machine: no key properties, no web identity, instance
     * metadata off, and profile files that do not exist (the environment is asserted free of AWS keys by the
     * caller).
     */
    static synchronized SourceCredentials none(Path missingDir) {
        SourceCredentials saved = new SourceCredentials();
        for (String key : KEYS) {
            System.clearProperty(key);
        }
        System.setProperty("aws.disableEc2Metadata", "true");
        System.setProperty("aws.sharedCredentialsFile", missingDir.resolve("credentials").toString());
        System.setProperty("aws.configFile", missingDir.resolve("config").toString());
        return saved;
    }

    synchronized void restore() {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }
}
