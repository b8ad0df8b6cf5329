package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.WorkloadIdentityCredential;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workload identity federation as Entra documents it for the client-credentials grant: the Azure SDK's
 * {@code WorkloadIdentityCredential} sends the federated token file as a {@code client_assertion}
 * ({@code jwt-bearer}), and the token endpoint checks it against the app's federated credentials and the
 * trusted issuer's key.
 */
@DisplayName("Workload identity: client assertions from a trusted issuer, through the SDK's WorkloadIdentityCredential")
class WorkloadIdentityTest {
    private static final String APP = "5ec2e7a1-0000-4000-8000-00000000e001";
    private static final String SUBJECT = "system:serviceaccount:airbyte:server";
    private static final WorkloadIssuer ISSUER = WorkloadIssuer.generate("https://oidc.example/cluster-1/");
    private static final WorkloadIssuer UNTRUSTED_KEY = WorkloadIssuer.generate("https://oidc.example/cluster-1/");
    private static AzureKeyVaultEmulator emulator;
    private static HttpClient http;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        emulator = AzureKeyVaultEmulator.builder().state("{\"federatedIssuers\": [" + ISSUER.stateEntry() + "],"
                + " \"apps\": [{\"tenantId\": \"" + EmulatorDefaults.TENANT_ID + "\", \"clientId\": \"" + APP + "\","
                + " \"federatedCredentials\": [{\"issuer\": \"" + ISSUER.issuer() + "\", \"subject\": \"" + SUBJECT + "\","
                + " \"audiences\": [\"api://AzureADTokenExchange\"]}]}],"
                + " \"roleAssignments\": [{\"principalId\": \"" + APP + "\", \"role\": \"Key Vault Secrets Officer\"}]}")
                .start();
        http = EmulatorClients.trusting(emulator.certificate());
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    private WorkloadIdentityCredential credential(String token) throws IOException {
        Path file = Files.createTempFile(dir, "token", ".jwt");
        Files.writeString(file, token);
        return new WorkloadIdentityCredentialBuilder()
                .authorityHost(emulator.authorityHost())
                .tenantId(EmulatorDefaults.TENANT_ID)
                .clientId(APP)
                .tokenFilePath(file.toString())
                .disableInstanceDiscovery()
                .maxRetry(0)
                .httpClient(http)
                .build();
    }

    private static String failureOf(WorkloadIdentityCredential credential) {
        Throwable failure = catchThrowable(() -> credential.getTokenSync(
                new TokenRequestContext().addScopes(EmulatorClients.VAULT_SCOPE)));
        assertThat(failure).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    @DisplayName("a token of the trusted issuer for the federated subject signs in; the app's role then applies")
    void federatedTokenSignsIn() throws IOException {
        SecretClient client = new SecretClientBuilder()
                .vaultUrl(emulator.vaultUrl())
                .credential(credential(ISSUER.token(SUBJECT, Duration.ofHours(1))))
                .httpClient(http)
                .disableChallengeResourceVerification()
                .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
                .buildClient();

        client.setSecret("from-a-pod", "workload-value");

        assertThat(client.getSecret("from-a-pod").getValue()).isEqualTo("workload-value");
        assertThat(emulator.requestCount(Operation.TOKEN)).isPositive();
    }

    @Test
    @DisplayName("another subject: AADSTS70021 naming issuer, subject and audience")
    void otherSubjectIsRefused() throws IOException {
        String failure = failureOf(credential(ISSUER.token("system:serviceaccount:other:sa", Duration.ofHours(1))));

        assertThat(failure).contains("AADSTS70021").contains("system:serviceaccount:other:sa");
    }

    @Test
    @DisplayName("an issuer no federated credential names: AADSTS700211")
    void unknownIssuerIsRefused() throws IOException {
        WorkloadIssuer other = WorkloadIssuer.generate("https://oidc.example/cluster-2/");

        assertThat(failureOf(credential(other.token(SUBJECT, Duration.ofHours(1))))).contains("AADSTS700211");
    }

    @Test
    @DisplayName("the trusted issuer's name with another key: AADSTS700027 (signature)")
    void wrongKeyIsRefused() throws IOException {
        assertThat(failureOf(credential(UNTRUSTED_KEY.token(SUBJECT, Duration.ofHours(1))))).contains("AADSTS700027");
    }

    @Test
    @DisplayName("an expired token: AADSTS700024")
    void expiredTokenIsRefused() throws IOException {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String token = ISSUER.token(SUBJECT, WorkloadIssuer.ENTRA_AUDIENCE, past, past.plus(Duration.ofHours(1)));

        assertThat(failureOf(credential(token))).contains("AADSTS700024");
    }

    @Test
    @DisplayName("a token for another audience: AADSTS70021")
    void otherAudienceIsRefused() throws IOException {
        Instant now = Instant.now();
        String token = ISSUER.token(SUBJECT, "api://something-else", now, now.plus(Duration.ofHours(1)));

        assertThat(failureOf(credential(token))).contains("AADSTS70021");
    }
}
