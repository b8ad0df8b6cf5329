package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Faults on demand: 429 with Retry-After, 5xx, connection resets, latency")
class FaultsTest {
    private static AzureKeyVaultEmulator emulator;
    private static HttpClient http;
    private static ClientSecretCredential credential;
    private static SecretClient noRetries;

    @BeforeAll
    static void start() {
        emulator = AzureKeyVaultEmulator.builder().start();
        http = EmulatorClients.trusting(emulator.certificate());
        credential = EmulatorClients.officerCredential(emulator, http);
        noRetries = EmulatorClients.secretClientWithoutRetries(emulator, http, credential);
    }

    @BeforeEach
    void signedInWithASecret() {
        emulator.plantSecret("steady", "value");
        noRetries.getSecret("steady"); // the challenge and token exchange happen here, not in the counted calls
        emulator.resetRequestCounts();
    }

    @AfterEach
    void clearFaults() {
        emulator.clearFaults();
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @Test
    @DisplayName("throttling answers 429 with Retry-After; with SDK retries off that is one attempt")
    void throttled() {
        emulator.injectFault(Fault.throttle(Duration.ofSeconds(2)).on(Operation.GET_SECRET));

        assertThatThrownBy(() -> noRetries.getSecret("steady"))
                .isInstanceOf(HttpResponseException.class)
                .satisfies(e -> {
                    HttpResponseException http = (HttpResponseException) e;
                    assertThat(http.getResponse().getStatusCode()).isEqualTo(429);
                    assertThat(http.getResponse().getHeaderValue(HttpHeaderName.RETRY_AFTER)).isEqualTo("2");
                });
        assertThat(emulator.requestCount(Operation.GET_SECRET)).isEqualTo(1);
        assertThat(noRetries.getSecret("steady").getValue()).isEqualTo("value");
    }

    @Test
    @DisplayName("the SDK's default retry policy honours Retry-After and succeeds on the second attempt")
    void throttledThenRetried() {
        SecretClient retrying = EmulatorClients.secretClientBuilder(emulator, http, credential).buildClient();
        retrying.getSecret("steady");
        emulator.resetRequestCounts();
        emulator.injectFault(Fault.throttle(Duration.ofSeconds(1)).on(Operation.GET_SECRET));

        assertThat(retrying.getSecret("steady").getValue()).isEqualTo("value");
        assertThat(emulator.requestCount(Operation.GET_SECRET)).isEqualTo(2);
    }

    @Test
    @DisplayName("a 5xx fault answers that status; times(0) keeps it on until cleared")
    void serverErrors() {
        emulator.injectFault(Fault.serverError(503).times(0));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> noRetries.getSecret("steady"))
                    .isInstanceOf(HttpResponseException.class)
                    .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(503));
        }
        emulator.clearFaults();

        assertThat(noRetries.getSecret("steady").getValue()).isEqualTo("value");
        assertThat(emulator.requestCount(Operation.GET_SECRET)).isEqualTo(3);
    }

    @Test
    @DisplayName("a fault limited to one operation leaves the others alone")
    void operationScoped() {
        emulator.injectFault(Fault.serverError(500).on(Operation.SET_SECRET));

        assertThat(noRetries.getSecret("steady").getValue()).isEqualTo("value");
        assertThatThrownBy(() -> noRetries.setSecret("steady", "other"))
                .isInstanceOf(HttpResponseException.class)
                .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(500));
        assertThat(noRetries.getSecret("steady").getValue()).isEqualTo("value");
    }

    @Test
    @DisplayName("a reset drops the connection without an HTTP answer; the next call works")
    void connectionReset() {
        emulator.injectFault(Fault.connectionReset().on(Operation.GET_SECRET));

        assertThatThrownBy(() -> noRetries.getSecret("steady"))
                .isNotInstanceOf(HttpResponseException.class);
        assertThat(emulator.requestCount(Operation.GET_SECRET)).isEqualTo(1);
        assertThat(noRetries.getSecret("steady").getValue()).isEqualTo("value");
    }

    @Test
    @DisplayName("latency delays the answer past a client's response timeout; without it the call succeeds")
    void latency() {
        // Wide margins both ways: an unfaulted call (a fresh TLS connection included) must never hit the 5 s
        // timeout on the shared 2-core CI machine (load averages above 5 are normal there, and a JVM can stall
        // for seconds); the injected 30 s is far past it (the client gives up at 5 s and never waits the 30 s).
        HttpClient impatient = EmulatorClients.trusting(emulator.certificate(), Duration.ofSeconds(5));
        SecretClient impatientClient = EmulatorClients.secretClientWithoutRetries(emulator, impatient, credential);
        assertThat(impatientClient.getSecret("steady").getValue()).isEqualTo("value");
        emulator.injectFault(Fault.latency(Duration.ofSeconds(30)).on(Operation.GET_SECRET));

        assertThatThrownBy(() -> impatientClient.getSecret("steady"))
                .isNotInstanceOf(HttpResponseException.class)
                .hasStackTraceContaining("Timeout");
        assertThat(impatientClient.getSecret("steady").getValue()).isEqualTo("value");
    }

    @Test
    @DisplayName("faults apply to the token endpoint too: a new credential cannot sign in until they are cleared")
    void tokenEndpointFault() {
        emulator.injectFault(Fault.serverError(503).times(0).on(Operation.TOKEN));
        ClientSecretCredential fresh = new ClientSecretCredentialBuilder()
                .authorityHost(emulator.authorityHost())
                .tenantId(EmulatorDefaults.TENANT_ID)
                .clientId(EmulatorDefaults.USER_CLIENT_ID)
                .clientSecret(EmulatorDefaults.USER_CLIENT_SECRET)
                .disableInstanceDiscovery()
                .httpClient(http)
                .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
                .build();

        assertThatThrownBy(() -> EmulatorClients.accessToken(fresh)).hasStackTraceContaining("503");
        assertThat(emulator.requestCount(Operation.TOKEN)).isGreaterThanOrEqualTo(1);

        emulator.clearFaults();
        assertThat(EmulatorClients.accessToken(fresh)).isNotBlank();
    }

    @Test
    @DisplayName("a counted fault on several operations is used up by that many requests of any of them together")
    void countSharedBetweenOperations() {
        emulator.injectFault(Fault.serverError(503).times(2)
                .onAny(java.util.EnumSet.of(Operation.GET_SECRET, Operation.SET_SECRET)));

        assertThatThrownBy(() -> noRetries.setSecret("shared", "v")).isInstanceOf(HttpResponseException.class);
        assertThatThrownBy(() -> noRetries.getSecret("steady")).isInstanceOf(HttpResponseException.class);
        assertThat(noRetries.getSecret("steady").getValue()).isEqualTo("value");
        assertThat(noRetries.listPropertiesOfSecrets().stream().count()).isPositive();
    }
}
