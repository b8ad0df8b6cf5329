package dev.secretstore.cli;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --config FILE|-}: which store a command works on; without it, the local store at ~/.secretstore. */
public final class StoreOption {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE|-",
            description = "Store config (JSON, as in CONFIGS.md); '-' reads it from stdin. "
                    + "Default: the local store in ~/.secretstore")
    String config;

    boolean readsStdin() {
        return ConfigFiles.STDIN.equals(config);
    }

    /** @return the parsed config, or {@code null} when none was given */
    Map<String, Object> configMap(InputStream stdin) {
        return config == null ? null : ConfigFiles.read(config, stdin);
    }

    /**
     * Opens the configured store; config problems surface as {@code InvalidConfigException} (exit code 2).
     *
     * @param stdin standard input, for {@code --config -}
     * @return the opened store; the caller closes it
     */
    SecretStore open(InputStream stdin) {
        Map<String, Object> map = configMap(stdin);
        return map == null ? SecretStores.openDefault() : SecretStores.open(map);
    }
}
