package dev.secretstore.benchmarks;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import dev.secretstore.SecretName;
import dev.secretstore.emulator.gcp.ExistingSecret;
import dev.secretstore.emulator.gcp.SecretManagerEmulator;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The in-process GCP emulator holding {@code count} secrets, with our store's config and Google's own client. */
final class GcpWorld implements AutoCloseable {
    static final String PROJECT = SecretManagerEmulator.DEFAULT_PROJECT;
    static final String ADMIN = "admin@" + PROJECT + ".iam.gserviceaccount.com";

    final SecretManagerEmulator emulator = SecretManagerEmulator.builder().build().start();
    final List<SecretName> names = new ArrayList<>();
    private final Path certificate;
    private final String keyJson;

    GcpWorld(int count, int valueBytes) {
        try {
            certificate = emulator.writeCertificate(Files.createTempDirectory("bench-gcp").resolve("ca.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keyJson = emulator.control().keyFileJson(ADMIN);
        String value = "v".repeat(valueBytes);
        for (int i = 0; i < count; i++) {
            SecretName name = AwsWorld.name(i);
            names.add(name);
            emulator.control().plantSecret(ExistingSecret.builder(PROJECT, name.value())
                    .label("airbyte-managed", "true").version(value).build());
        }
    }

    void latency(Duration perRequest) {
        emulator.control().setLatency(perRequest);
    }

    long requests() {
        return emulator.control().requestCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("provider", "gcp");
        c.put("projectId", PROJECT);
        c.put("endpoint", emulator.grpcTlsTarget());
        c.put("caCertificateFile", certificate.toString());
        c.put("auth_type", "SERVICE_ACCOUNT_KEY");
        c.put("credentialsJson", keyJson);
        c.put(BenchmarkReadRate.FIELD, BenchmarkReadRate.UNPACED);
        return c;
    }

    /** Google's client over TLS with the same service-account key. */
    SecretManagerServiceClient client() {
        try {
            var ssl = GrpcSslContexts.forClient().trustManager(emulator.certificate()).build();
            SecretManagerServiceSettings settings = SecretManagerServiceSettings.newBuilder()
                    .setCredentialsProvider(FixedCredentialsProvider.create(ServiceAccountCredentials.fromStream(
                            new ByteArrayInputStream(keyJson.getBytes(StandardCharsets.UTF_8)))))
                    .setTransportChannelProvider(InstantiatingGrpcChannelProvider.newBuilder()
                            .setEndpoint(emulator.grpcTlsTarget())
                            .setChannelConfigurator(b -> ((NettyChannelBuilder) b).sslContext(ssl))
                            .build())
                    .build();
            return SecretManagerServiceClient.create(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
