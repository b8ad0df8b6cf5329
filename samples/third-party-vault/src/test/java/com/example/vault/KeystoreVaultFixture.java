package com.example.vault;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.FaultInjector;
import dev.secretstore.conformance.FixtureFeature;
import dev.secretstore.conformance.ForeignSecretPlanter;
import dev.secretstore.conformance.RequestCounter;
import dev.secretstore.conformance.SpiForeignSecretPlanter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The stores the kit exercises, all on one keystore file: full access, read-only, and a wrong password. */
final class KeystoreVaultFixture implements ConformanceFixture {

    private static final String PASSWORD = "fixture-keystore-password-7Hq2";
    private static final String WRONG_PASSWORD = "not-the-keystore-password-x9Lm";

    private final Path keystore;
    private SecretStore privileged;
    private SecretStore readOnly;
    private SecretStore badPassword;
    private SpiForeignSecretPlanter planter;

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

    /** Foreign (unmanaged) secrets are written through this provider's SPI directly, bypassing the engine. */
    @Override
    public synchronized FixtureFeature<ForeignSecretPlanter> foreignSecrets() {
        if (planter == null) {
            planter = SpiForeignSecretPlanter.open(KeystoreVaultProvider.NAME, config(PASSWORD, false));
        }
        return FixtureFeature.of(planter);
    }

    @Override
    public FixtureFeature<RequestCounter> requestCounter() {
        return FixtureFeature.unsupported("a keystore file has no request log to count write attempts in");
    }

    @Override
    public FixtureFeature<FaultInjector> faults() {
        return FixtureFeature.unsupported("a keystore file is no network service: nothing throttles, drops a"
                + " connection or answers slowly, and the provider has no retry policy to test");
    }

    @Override
    public Set<String> credentialValues() {
        return Set.of(PASSWORD, WRONG_PASSWORD);
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable store : new AutoCloseable[] {privileged, readOnly, badPassword, planter}) {
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
