package dev.secretstore.benchmarks;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import dev.secretstore.SecretName;
import dev.secretstore.emulator.azure.AzureKeyVaultEmulator;
import dev.secretstore.emulator.azure.EmulatorDefaults;
import dev.secretstore.emulator.azure.Fault;
import dev.secretstore.emulator.azure.Operation;
import dev.secretstore.emulator.azure.PlantedSecret;
import dev.secretstore.support.names.NameCodec;
import dev.secretstore.support.names.NameCodecs;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-process Azure Key Vault emulator (HTTPS on loopback, its own Entra token endpoint) holding {@code count}
 * secrets, with our store's config and Azure's own {@code SecretClient}, both signed in as the default Secrets
 * Officer application. Requests are counted by the emulator on arrival, per operation.
 */
final class AzureWorld implements AutoCloseable {
    static final String TAG_KEY = "AirbyteManaged";
    private static final NameCodec NAMES = NameCodecs.azure();

    final AzureKeyVaultEmulator emulator = AzureKeyVaultEmulator.builder().start();
    final List<SecretName> names = new ArrayList<>();
    /** The vault's own names of {@link #names}, in the same order, as the raw client asks for them. */
    final List<String> nativeNames = new ArrayList<>();
    private final Path certificate;

    AzureWorld(int count, int valueBytes) {
        try {
            certificate = Files.createTempFile("bench-azure", ".pem");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        emulator.writeCertificatePem(certificate);
        String value = "v".repeat(Math.max(1, valueBytes));
        for (int i = 0; i < count; i++) {
            SecretName name = AwsWorld.name(i);
            names.add(name);
            String nativeName = NAMES.encode(name);
            nativeNames.add(nativeName);
            emulator.plantSecret(PlantedSecret.builder(nativeName, value).tag(TAG_KEY, "true").build());
        }
    }

    /** Every vault and token request answered {@code perRequest} late (zero: no fault). */
    void latency(Duration perRequest) {
        emulator.clearFaults();
        if (!perRequest.isZero()) {
            emulator.injectFault(Fault.latency(perRequest).times(0));
        }
    }

    long requests() {
        return emulator.requestCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    long requests(Operation operation) {
        return emulator.requestCount(operation);
    }

    Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("provider", "azure");
        c.put("vaultUrl", emulator.vaultUrl() + "/");
        c.put("tenantId", EmulatorDefaults.TENANT_ID);
        c.put("clientId", EmulatorDefaults.OFFICER_CLIENT_ID);
        c.put("clientSecret", EmulatorDefaults.OFFICER_CLIENT_SECRET);
        c.put("authorityHost", emulator.authorityHost());
        c.put("caCertificateFile", certificate.toString());
        c.put("tagKey", TAG_KEY);
        c.put(BenchmarkReadRate.FIELD, BenchmarkReadRate.UNPACED);
        return c;
    }

    /**
     * Azure's client as the emulator's README and our provider build it: the SDK's default Netty HTTP client
     * trusting the emulator's certificate, a client-secret credential, SDK retries off (as in our provider, so
     * attempts compare).
     */
    SecretClient client() {
        try {
            SslContext ssl = SslContextBuilder.forClient().trustManager(emulator.certificate()).build();
            HttpClient http = new NettyAsyncHttpClientBuilder(
                    reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(ssl))).build();
            RetryOptions noRetries = new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1)));
            ClientSecretCredential credential = new ClientSecretCredentialBuilder()
                    .authorityHost(emulator.authorityHost())
                    .tenantId(EmulatorDefaults.TENANT_ID)
                    .clientId(EmulatorDefaults.OFFICER_CLIENT_ID)
                    .clientSecret(EmulatorDefaults.OFFICER_CLIENT_SECRET)
                    .disableInstanceDiscovery()
                    .retryOptions(noRetries)
                    .maxRetry(0)
                    .httpClient(http)
                    .build();
            return new SecretClientBuilder()
                    .vaultUrl(emulator.vaultUrl())
                    .credential(credential)
                    .httpClient(http)
                    .retryOptions(noRetries)
                    .disableChallengeResourceVerification()
                    .buildClient();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        emulator.close();
        try {
            Files.deleteIfExists(certificate);
        } catch (IOException ignored) {
            // a temp file; the OS cleans up
        }
    }
}
