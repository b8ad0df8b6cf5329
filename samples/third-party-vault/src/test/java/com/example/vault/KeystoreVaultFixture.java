package com.example.vault;

import dev.secretstore.DeleteOptions;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.FixtureFeature;
import dev.secretstore.conformance.ForeignSecretPlanter;
import dev.secretstore.conformance.RequestCounter;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The stores the kit exercises, all on one keystore file: full access, read-only, and a wrong password. */
final class KeystoreVaultFixture implements ConformanceFixture {

    private static final String PASSWORD = "fixture-keystore-password-7Hq2";
    private static final String WRONG_PASSWORD = "not-the-keystore-password-x9Lm";

    private final Path keystore;
    private SecretStore privileged;
    private SecretStore readOnly;
    private SecretStore badPassword;
    private SecretStoreSpi raw;

    KeystoreVaultFixture(Path keystore) {
        this.keystore = keystore;
    }

    private Map<String, Object> config(String password, boolean readOnlyStore) {
        Map<String, Object> config = new HashMap<>();
        config.put("provider", KeystoreVaultProvider.NAME);
        config.put("keystoreFile", keystore.toString());
        config.put("password", password);
        config.put("readOnly", readOnlyStore);
        return config;
    }

    @Override
    public synchronized SecretStore privilegedStore() {
        if (privileged == null) {
            privileged = SecretStores.open(config(PASSWORD, false));
            // The first write creates the file, so the read-only and wrong-password stores find one.
            privileged.verify();
        }
        return privileged;
    }

    @Override
    public synchronized FixtureFeature<SecretStore> leastPrivilegedStore() {
        if (readOnly == null) {
            privilegedStore();
            readOnly = SecretStores.open(config(PASSWORD, true));
        }
        return FixtureFeature.of(readOnly);
    }

    @Override
    public synchronized FixtureFeature<SecretStore> badCredentialsStore() {
        if (badPassword == null) {
            privilegedStore();
            badPassword = SecretStores.open(config(WRONG_PASSWORD, false));
        }
        return FixtureFeature.of(badPassword);
    }

    /** Foreign secrets are written through the provider's SPI directly: the engine, which adds the managed tag, is bypassed. */
    @Override
    public synchronized FixtureFeature<ForeignSecretPlanter> foreignSecrets() {
        if (raw == null) {
            KeystoreVaultProvider provider = new KeystoreVaultProvider();
            raw = provider.open(StoreConfig.of(config(PASSWORD, false), provider.configFields()));
        }
        SecretStoreSpi spi = raw;
        return FixtureFeature.of(new ForeignSecretPlanter() {
            @Override
            public void plant(SecretName name, SecretValue value, Map<String, String> tags) {
                spi.create(name, value, tags);
            }

            @Override
            public byte[] readValue(SecretName name) {
                return spi.read(name, Optional.empty()).value().bytes();
            }

            @Override
            public Map<String, String> readTags(SecretName name) {
                return spi.describe(name).orElseThrow().tags();
            }

            @Override
            public void remove(SecretName name) {
                if (spi.describe(name).isPresent()) {
                    spi.delete(name, DeleteOptions.force());
                }
            }
        });
    }

    @Override
    public FixtureFeature<RequestCounter> requestCounter() {
        return FixtureFeature.unsupported("a keystore file has no request log to count write attempts in");
    }

    @Override
    public Set<String> credentialValues() {
        return Set.of(PASSWORD, WRONG_PASSWORD);
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable store : new AutoCloseable[] {privileged, readOnly, badPassword, raw}) {
            if (store != null) {
                try {
                    store.close();
                } catch (Exception ignored) {
                    // Closing only wipes passwords from memory; nothing to report.
                }
            }
        }
    }
}
