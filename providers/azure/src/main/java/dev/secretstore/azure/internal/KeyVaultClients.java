package dev.secretstore.azure.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.ConfigProblem;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the one {@link SecretClient} of an opened store. SDK retries are off (the provider's one retry policy
 * decides), and the settings that only make sense off the public cloud are applied only when the config asks for
 * them: instance discovery is skipped for an authority MSAL does not know, challenge-resource verification for a
 * vault outside Key Vault's DNS zones, and extra CA certificates are trusted (on top of the JDK's) only when
 * {@code caCertificateFile} names them. TLS verification is never turned off.
 */
final class KeyVaultClients {
    /** Key Vault's DNS zones in the public and sovereign clouds. */
    private static final List<String> VAULT_ZONES = List.of(".vault.azure.net", ".vault.azure.cn",
            ".vault.usgovcloudapi.net", ".vault.microsoftazure.de", ".managedhsm.azure.net");
    /** Authorities MSAL resolves through instance discovery. */
    private static final List<String> KNOWN_AUTHORITIES = List.of("login.microsoftonline.com",
            "login.windows.net", "login.microsoft.com", "sts.windows.net", "login.chinacloudapi.cn",
            "login.partner.microsoftonline.cn", "login.microsoftonline.us", "login-us.microsoftonline.com",
            "login.microsoftonline.de");
    private static final RetryOptions NO_SDK_RETRIES = new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1)));

    private KeyVaultClients() {
    }

    static SecretClient secretClient(AzureConfig.Settings settings) {
        HttpClient http = httpClient(settings);
        SecretClientBuilder builder = new SecretClientBuilder()
                .vaultUrl(settings.vaultUrl().toString())
                .credential(credential(settings, http))
                .retryOptions(NO_SDK_RETRIES)
                .addPolicy(new ListPageSizePolicy());
        if (http != null) {
            builder.httpClient(http);
        }
        if (!inVaultZone(settings.vaultUrl())) {
            builder.disableChallengeResourceVerification();
        }
        return builder.buildClient();
    }

    static boolean inVaultZone(URI vaultUrl) {
        String host = vaultUrl.getHost().toLowerCase(Locale.ROOT);
        return VAULT_ZONES.stream().anyMatch(host::endsWith);
    }

    static boolean knownAuthority(String authorityHost) {
        String host = URI.create(authorityHost.trim()).getHost();
        return host != null && KNOWN_AUTHORITIES.contains(host.toLowerCase(Locale.ROOT));
    }

    private static TokenCredential credential(AzureConfig.Settings settings, HttpClient http) {
        if (settings.workloadIdentity()) {
            WorkloadIdentityCredentialBuilder b = new WorkloadIdentityCredentialBuilder()
                    .tenantId(settings.tenantId())
                    .clientId(settings.clientId())
                    .tokenFilePath(settings.tokenFile().orElseThrow().toString())
                    .authorityHost(settings.authorityHost())
                    .retryOptions(NO_SDK_RETRIES)
                    .maxRetry(0);
            if (!knownAuthority(settings.authorityHost())) {
                b.disableInstanceDiscovery();
            }
            if (http != null) {
                b.httpClient(http);
            }
            return b.build();
        }
        ClientSecretCredentialBuilder b = new ClientSecretCredentialBuilder()
                .tenantId(settings.tenantId())
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .authorityHost(settings.authorityHost())
                // maxRetry covers managed-identity endpoints only; the token pipeline's own RetryPolicy (3 retries
                // by default) is turned off by retryOptions. MSAL still retries a 5xx once by itself, which
                // azure-identity offers no way to turn off.
                .retryOptions(NO_SDK_RETRIES)
                .maxRetry(0);
        if (!knownAuthority(settings.authorityHost())) {
            b.disableInstanceDiscovery();
        }
        if (http != null) {
            b.httpClient(http);
        }
        return b.build();
    }

    /** The SDK's default client, or one that also trusts {@code caCertificateFile}'s certificates. */
    private static HttpClient httpClient(AzureConfig.Settings settings) {
        if (settings.caCertificateFile().isEmpty()) {
            return null;
        }
        try {
            SslContext ssl = SslContextBuilder.forClient().trustManager(trustManager(settings)).build();
            return new NettyAsyncHttpClientBuilder(
                    reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(ssl))).build();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new InvalidConfigException("azure", List.of(ConfigProblem.of(AzureConfig.CA_CERTIFICATE_FILE,
                    "cannot use it as trusted CA certificates (expected PEM certificates): "
                            + e.getClass().getSimpleName())));
        }
    }

    /** The JDK's trust anchors plus the file's certificates. */
    private static TrustManager trustManager(AzureConfig.Settings settings) throws IOException, GeneralSecurityException {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        int n = 0;
        for (TrustManager tm : jdk.getTrustManagers()) {
            if (tm instanceof X509TrustManager) {
                for (X509Certificate cert : ((X509TrustManager) tm).getAcceptedIssuers()) {
                    anchors.setCertificateEntry("jdk-" + n++, cert);
                }
            }
        }
        Collection<? extends Certificate> extra;
        try (InputStream in = Files.newInputStream(settings.caCertificateFile().orElseThrow())) {
            extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (extra.isEmpty()) {
            throw new GeneralSecurityException("no certificate in the file");
        }
        for (Certificate cert : extra) {
            anchors.setCertificateEntry("config-" + n++, cert);
        }
        TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        combined.init(anchors);
        return combined.getTrustManagers()[0];
    }
}
