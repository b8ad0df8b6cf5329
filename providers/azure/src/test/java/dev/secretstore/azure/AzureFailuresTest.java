package dev.secretstore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.emulator.azure.EmulatorDefaults;
import dev.secretstore.emulator.azure.Fault;
import dev.secretstore.emulator.azure.Operation;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The seed's troubleshooting as code, over the wire: each Entra error by its AADSTS code, a 403 by the data action,
 * an unreachable vault, throttling with Retry-After, persistent 5xx. Official SDK, real HTTPS, the emulator.
 */
class AzureFailuresTest {
    private static EmulatorVault vault;
    private static SecretStore officer;

    @BeforeAll
    static void start() {
        vault = new EmulatorVault();
        officer = SecretStores.open(vault.privileged());
    }

    @AfterAll
    static void stop() {
        officer.close();
        vault.close();
    }

    private static SecretName unique(String base) {
        return SecretName.of("failures/" + base + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static SecretStoreException failureWith(Map<String, Object> config) {
        try (SecretStore store = SecretStores.open(config)) {
            Throwable t = catchThrowable(() -> store.read(unique("any")));
            assertThat(t).isInstanceOf(SecretStoreException.class);
            SecretStoreException e = (SecretStoreException) t;
            for (String credential : new String[] {EmulatorVault.WRONG_SECRET, EmulatorDefaults.EXPIRED_CLIENT_SECRET,
                    EmulatorVault.PRIVILEGED_SECRET, EmulatorDefaults.OTHER_TENANT_CLIENT_SECRET}) {
                assertThat(e.getMessage()).doesNotContain(credential);
            }
            return e;
        }
    }

    @Test
    @DisplayName("a wrong client secret (AADSTS7000215) and an expired one (AADSTS7000222) say different things")
    void wrongAndExpiredSecretsDiffer() {
        SecretStoreException wrong = failureWith(vault.config(EmulatorVault.PRIVILEGED_ID, EmulatorVault.WRONG_SECRET));
        SecretStoreException expired = failureWith(vault.config(EmulatorDefaults.EXPIRED_SECRET_CLIENT_ID,
                EmulatorDefaults.EXPIRED_CLIENT_SECRET));

        assertThat(wrong).isInstanceOf(AuthenticationFailedException.class);
        assertThat(wrong.getMessage()).contains("AADSTS7000215");
        assertThat(wrong.remediation()).hasValueSatisfying(h -> assertThat(h).contains("Value, not its Secret ID"));
        assertThat(expired).isInstanceOf(AuthenticationFailedException.class);
        assertThat(expired.getMessage()).contains("AADSTS7000222").contains("expired");
        assertThat(expired.remediation()).hasValueSatisfying(h -> assertThat(h).contains("before the old one expires"));
    }

    @Test
    @DisplayName("an application unknown in the tenant: AADSTS700016, naming clientId and tenantId")
    void unknownApplication() {
        String stranger = "5ec2e7a1-0000-4000-8000-0000000fffff";
        SecretStoreException e = failureWith(vault.config(stranger, "whatever-secret"));

        assertThat(e).isInstanceOf(AuthenticationFailedException.class);
        assertThat(e.getMessage()).contains("AADSTS700016").contains(stranger);
    }

    @Test
    @DisplayName("tenantId other than the vault's: the SDK refuses before Entra; reported as authentication, naming the tenant")
    void otherTenant() {
        Map<String, Object> config = vault.config(EmulatorDefaults.OTHER_TENANT_CLIENT_ID,
                EmulatorDefaults.OTHER_TENANT_CLIENT_SECRET);
        config.put("tenantId", EmulatorDefaults.OTHER_TENANT_ID);
        SecretStoreException e = failureWith(config);

        assertThat(e).isInstanceOf(AuthenticationFailedException.class);
        assertThat(e.getMessage()).contains("another tenant").contains(EmulatorDefaults.OTHER_TENANT_ID);
    }

    @Test
    @DisplayName("403 ForbiddenByRbac: access denied naming the data action and the role to assign; attempted once")
    void forbiddenNamesTheActionAndIsNotRetried() {
        try (SecretStore reader = SecretStores.open(vault.config(EmulatorDefaults.USER_CLIENT_ID,
                EmulatorDefaults.USER_CLIENT_SECRET))) {
            reader.list(dev.secretstore.ListOptions.defaults()); // signs in (the challenge is a request too)
            long before = vault.emulator.requestCount(Operation.SET_SECRET);

            Throwable t = catchThrowable(() -> reader.create(unique("denied"), SecretValue.ofText("v")));

            assertThat(t).isInstanceOf(AccessDeniedException.class);
            assertThat(t.getMessage()).contains("Microsoft.KeyVault/vaults/secrets/setSecret/action");
            assertThat(((AccessDeniedException) t).remediation()).hasValueSatisfying(h -> assertThat(h)
                    .contains("Key Vault Secrets Officer").contains(EmulatorDefaults.USER_CLIENT_ID)
                    .contains("minutes to propagate"));
            assertThat(vault.emulator.requestCount(Operation.SET_SECRET) - before).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a vault that refuses connections: unavailable, saying to copy the Vault URI from the Overview page")
    void unreachableVault() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> config = vault.privileged();
        config.put("vaultUrl", "https://127.0.0.1:" + closedPort + "/");
        SecretStoreException e = failureWith(config);

        assertThat(e).isInstanceOf(StoreUnavailableException.class);
        assertThat(e.remediation()).hasValueSatisfying(h -> assertThat(h).contains("Vault URI").contains("Overview"));
    }

    @Test
    @DisplayName("429 with Retry-After: 2 is retried no sooner than 2 s later, and succeeds")
    void throttlingHonoursRetryAfter() {
        SecretName name = unique("throttled");
        officer.create(name, SecretValue.ofText("patience"));
        vault.emulator.injectFault(Fault.throttle(Duration.ofSeconds(2)).on(Operation.GET_SECRET));
        long before = vault.emulator.requestCount(Operation.GET_SECRET);

        long started = System.nanoTime();
        String value = officer.read(name).value().text();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(value).isEqualTo("patience");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(vault.emulator.requestCount(Operation.GET_SECRET) - before).isEqualTo(2);
    }

    @Test
    @DisplayName("persistent 503: StoreUnavailableException after exactly the configured attempts")
    void persistentServerErrorGivesUp() {
        SecretName name = unique("unavailable");
        officer.create(name, SecretValue.ofText("later"));
        vault.emulator.injectFault(Fault.serverError(503).times(0).on(Operation.GET_SECRET));
        try {
            long before = vault.emulator.requestCount(Operation.GET_SECRET);

            Throwable t = catchThrowable(() -> officer.read(name));

            assertThat(t).isInstanceOf(StoreUnavailableException.class);
            assertThat(((StoreUnavailableException) t).operation()).contains(dev.secretstore.Operation.READ);
            assertThat(vault.emulator.requestCount(Operation.GET_SECRET) - before).isEqualTo(3);
        } finally {
            vault.emulator.clearFaults();
        }
    }

    @Test
    @DisplayName("persistent 503 at the token endpoint: the credential adds no retries of its own to the policy's")
    void tokenEndpointServerErrorIsNotRetriedByTheCredential() {
        vault.emulator.injectFault(Fault.serverError(503).times(0).on(Operation.TOKEN));
        // A store of its own: a fresh credential has no cached token, so its first call asks the token endpoint.
        try (SecretStore fresh = SecretStores.open(vault.privileged())) {
            long before = vault.emulator.requestCount(Operation.TOKEN);

            Throwable t = catchThrowable(() -> fresh.read(unique("no-token")));

            assertThat(t).isInstanceOf(StoreUnavailableException.class);
            // MSAL retries a 5xx once by itself (azure-identity exposes no switch for it); the credential's HTTP
            // pipeline must add nothing more (its default RetryPolicy would make it 4 per MSAL attempt).
            assertThat(vault.emulator.requestCount(Operation.TOKEN) - before)
                    .isEqualTo(2L * EmulatorVault.MAX_ATTEMPTS);
        } finally {
            vault.emulator.clearFaults();
        }
    }

    @Test
    @DisplayName("a wrong client secret is asked of Entra once: authentication failures are never retried")
    void authenticationFailureIsNotRetried() {
        long before = vault.emulator.requestCount(Operation.TOKEN);

        SecretStoreException e = failureWith(vault.config(EmulatorVault.PRIVILEGED_ID, EmulatorVault.WRONG_SECRET));

        assertThat(e).isInstanceOf(AuthenticationFailedException.class);
        assertThat(vault.emulator.requestCount(Operation.TOKEN) - before).isEqualTo(1);
    }
}
