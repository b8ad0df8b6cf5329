package dev.secretstore.emulator.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole environment of a child AWS client: nothing from this machine's AWS setup (profiles, credentials,
 * {@code AWS_*} variables, {@code ~/.aws/models} overrides, instance metadata) can reach it, and it makes one
 * attempt per call so that a retry cannot hide a wrong first answer.
 */
final class IsolatedAwsEnvironment {
    /** Variables a child needs to find its interpreter (pyenv shims) and to decode text; nothing AWS-related. */
    private static final List<String> PASSED_THROUGH = List.of("PATH", "PYENV_ROOT", "PYENV_VERSION", "LANG",
            "LC_ALL", "LC_CTYPE");

    private IsolatedAwsEnvironment() {
    }

    static Map<String, String> create(Path home, String region) {
        try {
            Files.createDirectories(home);
            Path config = Files.writeString(home.resolve("aws-config"), "");
            Path credentials = Files.writeString(home.resolve("aws-credentials"), "");
            Map<String, String> env = new HashMap<>();
            for (String name : PASSED_THROUGH) {
                String value = System.getenv(name);
                if (value != null) {
                    env.put(name, value);
                }
            }
            env.put("HOME", home.toString());
            env.put("AWS_CONFIG_FILE", config.toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
            env.put("AWS_DEFAULT_REGION", region);
            env.put("AWS_REGION", region);
            env.put("AWS_RETRY_MODE", "standard");
            env.put("AWS_MAX_ATTEMPTS", "1");
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_PAGER", "");
            return env;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, String> withKeys(Map<String, String> base, String accessKeyId, String secretAccessKey,
                                        String sessionToken) {
        Map<String, String> env = new HashMap<>(base);
        env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
        if (sessionToken != null) {
            env.put("AWS_SESSION_TOKEN", sessionToken);
        }
        return env;
    }
}
