package dev.secretstore.aws;

import java.util.HashMap;
import java.util.Map;

/**
 * Source credentials for IAM_ROLE tests through the SDK's default chain, which reads the {@code aws.accessKeyId}
 * and {@code aws.secretAccessKey} system properties before the environment; the JVM's environment is never
 * touched. The previous values are put back by {@link #restore()}.
 */
final class SourceCredentials {

    private static final String[] KEYS = {"aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken"};
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
