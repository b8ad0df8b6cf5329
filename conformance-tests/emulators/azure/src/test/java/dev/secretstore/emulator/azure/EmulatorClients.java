package dev.secretstore.emulator.azure;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.azure.security.keyvault.secrets.SecretServiceVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Builds Azure SDK clients that trust an emulator's certificate, as SDK-NOTES describes. */
final class EmulatorClients {
    static final String VAULT_SCOPE = "https://vault.azure.net/.default";

    private EmulatorClients() {
    }

    /** The SDK's default (Netty) HTTP client, trusting only the emulator's self-signed certificate. */
    static HttpClient trusting(X509Certificate certificate) {
        return trusting(certificate, null);
    }

    static HttpClient trusting(X509Certificate certificate, Duration responseTimeout) {
        SslContext ssl;
        try {
            ssl = SslContextBuilder.forClient().trustManager(certificate).build();
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        }
        reactor.netty.http.client.HttpClient reactorClient = reactor.netty.http.client.HttpClient.create()
                .secure(spec -> spec.sslContext(ssl));
        NettyAsyncHttpClientBuilder builder = new NettyAsyncHttpClientBuilder(reactorClient);
        if (responseTimeout != null) {
            builder.responseTimeout(responseTimeout);
        }
        return builder.build();
    }

    static ClientSecretCredential credential(AzureKeyVaultEmulator emulator, HttpClient http, String tenantId,
                                             String clientId, String clientSecret) {
        return new ClientSecretCredentialBuilder()
                .authorityHost(emulator.authorityHost())
                .tenantId(tenantId)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .disableInstanceDiscovery()
                .httpClient(http)
                .build();
    }

    static ClientSecretCredential officerCredential(AzureKeyVaultEmulator emulator, HttpClient http) {
        return credential(emulator, http, EmulatorDefaults.TENANT_ID, EmulatorDefaults.OFFICER_CLIENT_ID,
                EmulatorDefaults.OFFICER_CLIENT_SECRET);
    }

    static SecretClientBuilder secretClientBuilder(AzureKeyVaultEmulator emulator, HttpClient http,
                                                   ClientSecretCredential credential) {
        return new SecretClientBuilder()
                .vaultUrl(emulator.vaultUrl())
                .credential(credential)
                .httpClient(http)
                .disableChallengeResourceVerification();
    }

    /** Retries off: every SDK call is exactly one request, so request counts can be asserted. */
    static SecretClient secretClientWithoutRetries(AzureKeyVaultEmulator emulator, HttpClient http,
                                                   ClientSecretCredential credential) {
        return secretClientBuilder(emulator, http, credential)
                .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
                .buildClient();
    }

    static SecretClient secretClient(AzureKeyVaultEmulator emulator, HttpClient http,
                                     ClientSecretCredential credential, SecretServiceVersion version) {
        return secretClientBuilder(emulator, http, credential).serviceVersion(version)
                .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
                .buildClient();
    }

    static String accessToken(ClientSecretCredential credential) {
        return credential.getTokenSync(new TokenRequestContext().addScopes(VAULT_SCOPE)).getToken();
    }
}
