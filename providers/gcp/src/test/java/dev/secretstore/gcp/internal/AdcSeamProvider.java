package dev.secretstore.gcp.internal;

import com.google.auth.oauth2.GoogleCredentials;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.gcp.GcpSecretStoreProvider;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gcp provider with Application Default Credentials loaded from a given key file, as
 * GOOGLE_APPLICATION_CREDENTIALS would make the library do, without changing the JVM's environment.
 */
final class AdcSeamProvider implements SecretStoreProvider {

    private final GcpSecretStoreProvider real = new GcpSecretStoreProvider();
    private final GcpCredentials.AdcSource source;

    AdcSeamProvider(Path keyFile) {
        this.source = () -> {
            try (InputStream in = new FileInputStream(keyFile.toFile())) {
                return GoogleCredentials.fromStream(in);
            }
        };
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public String description() {
        return real.description();
    }

    @Override
    public Set<Capability> capabilities() {
        return real.capabilities();
    }

    @Override
    public List<ConfigField> configFields() {
        return real.configFields();
    }

    @Override
    public List<ConfigProblem> validate(StoreConfig config) {
        return real.validate(config);
    }

    @Override
    public boolean recognises(Map<String, ?> config) {
        return real.recognises(config);
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        return GcpStoreOpener.open(config, source);
    }
}
