package dev.secretstore.azure;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.FaultInjector;
import dev.secretstore.conformance.FixtureFeature;
import dev.secretstore.conformance.ForeignSecretPlanter;
import dev.secretstore.conformance.RequestCounter;
import dev.secretstore.conformance.SecretStoreConformanceKit;
import dev.secretstore.conformance.SpiForeignSecretPlanter;
import dev.secretstore.emulator.azure.EmulatorDefaults;
import java.util.Map;
import java.util.Set;

/** The whole kit over the Azure SDK against the emulator, signed in as a service principal with a client secret. */
class AzureServicePrincipalConformanceTest extends SecretStoreConformanceKit {

    @Override
    protected ConformanceFixture fixture() {
        EmulatorVault vault = new EmulatorVault();
        return new EmulatorFixture(vault, vault.privileged());
    }

    /**
     * The parts both auth types share: least privilege is Secrets User unless a run names another application,
     * bad credentials a wrong client secret.
     */
    static class EmulatorFixture implements ConformanceFixture {
        final EmulatorVault vault;
        private final Map<String, Object> privilegedConfig;
        private final String leastPrivilegedId;
        private final String leastPrivilegedSecret;
        private SecretStore privileged;
        private SecretStore readOnly;
        private SecretStore badCredentials;

        EmulatorFixture(EmulatorVault vault, Map<String, Object> privilegedConfig) {
            this(vault, privilegedConfig, EmulatorDefaults.USER_CLIENT_ID, EmulatorDefaults.USER_CLIENT_SECRET);
        }

        EmulatorFixture(EmulatorVault vault, Map<String, Object> privilegedConfig, String leastPrivilegedId,
                String leastPrivilegedSecret) {
            this.vault = vault;
            this.privilegedConfig = privilegedConfig;
            this.leastPrivilegedId = leastPrivilegedId;
            this.leastPrivilegedSecret = leastPrivilegedSecret;
        }

        @Override
        public synchronized SecretStore privilegedStore() {
            if (privileged == null) {
                privileged = SecretStores.open(privilegedConfig);
            }
            return privileged;
        }

        @Override
        public synchronized FixtureFeature<SecretStore> leastPrivilegedStore() {
            if (readOnly == null) {
                readOnly = SecretStores.open(vault.config(leastPrivilegedId, leastPrivilegedSecret));
            }
            return FixtureFeature.of(readOnly);
        }

        @Override
        public synchronized FixtureFeature<SecretStore> badCredentialsStore() {
            if (badCredentials == null) {
                badCredentials = SecretStores.open(vault.config(EmulatorVault.PRIVILEGED_ID, EmulatorVault.WRONG_SECRET));
            }
            return FixtureFeature.of(badCredentials);
        }

        @Override
        public FixtureFeature<ForeignSecretPlanter> foreignSecrets() {
            return FixtureFeature.of(SpiForeignSecretPlanter.open("azure", privilegedConfig));
        }

        @Override
        public FixtureFeature<RequestCounter> requestCounter() {
            return FixtureFeature.of(vault::writeAttempts);
        }

        @Override
        public FixtureFeature<FaultInjector> faults() {
            return FixtureFeature.of(new EmulatorFaults(vault.emulator, EmulatorVault.MAX_ATTEMPTS));
        }

        @Override
        public Set<String> credentialValues() {
            return Set.of(EmulatorVault.PRIVILEGED_SECRET, EmulatorVault.WRONG_SECRET, leastPrivilegedSecret);
        }

        @Override
        public synchronized void close() {
            for (SecretStore s : new SecretStore[] {privileged, readOnly, badCredentials}) {
                if (s != null) {
                    s.close();
                }
            }
            vault.close();
        }
    }
}
