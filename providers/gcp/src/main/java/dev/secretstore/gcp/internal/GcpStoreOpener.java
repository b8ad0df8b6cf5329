package dev.secretstore.gcp.internal;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds one Secret Manager client (one gRPC channel) for an opened store. */
public final class GcpStoreOpener {

    private GcpStoreOpener() {
    }

    /**
     * @param config the validated config
     * @return the store, holding its client until closed
     */
    public static SecretStoreSpi open(StoreConfig config) {
        return open(config, GcpCredentials.APPLICATION_DEFAULT);
    }

    /** With the source of Application Default Credentials given (tests point it at an emulator key file). */
    static SecretStoreSpi open(StoreConfig config, GcpCredentials.AdcSource adc) {
        GcpStoreSettings settings = GcpStoreSettings.from(config);
        GoogleCredentials credentials = settings.keyJson().isPresent()
                ? GcpCredentials.serviceAccountKey(settings.keyJson().get())
                : GcpCredentials.applicationDefault(adc);
        Optional<SslContext> trust = settings.caCertificateFile().map(GcpStoreOpener::trusting);
        String target = GcpEndpoint.target(settings.endpoint().orElse(null), settings.region().orElse(null));
        InstantiatingGrpcChannelProvider.Builder channel = InstantiatingGrpcChannelProvider.newBuilder()
                .setEndpoint(target);
        trust.ifPresent(ssl -> channel.setChannelConfigurator(b -> ((NettyChannelBuilder) b).sslContext(ssl)));
        try {
            SecretManagerServiceSettings.Builder builder = SecretManagerServiceSettings.newBuilder()
                    .setEndpoint(target)
                    .setCredentialsProvider(FixedCredentialsProvider.create(credentials))
                    .setTransportChannelProvider(channel.build());
            // The one retry policy decides: the client's own retries (UNAVAILABLE, RESOURCE_EXHAUSTED with backoff,
            // from its service config) would multiply the attempts.
            builder.applyToAllUnaryMethods(method -> {
                RetrySettings current = method.getRetrySettings();
                method.setRetryableCodes(Set.of());
                method.setRetrySettings(current.toBuilder().setMaxAttempts(1).build());
                return null;
            });
            SecretManagerServiceClient client = SecretManagerServiceClient.create(builder.build());
            return new GcpSecretStore(client, settings);
        } catch (IOException e) {
            throw new SecretStoreException(GcpErrors.PROVIDER, null, null, "could not build the Secret Manager client ("
                    + e.getClass().getSimpleName() + ")", "check endpoint and caCertificateFile", null);
        } catch (SecretStoreException e) {
            throw e;
        } catch (Exception e) {
            throw new SecretStoreException(GcpErrors.PROVIDER, null, null, "could not configure the Secret Manager "
                    + "client (" + e.getClass().getSimpleName() + ")", null, null);
        }
    }

    private static SslContext trusting(String pemFile) {
        File file = new File(pemFile);
        try {
            return GrpcSslContexts.forClient().trustManager(file).build();
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigException(GcpErrors.PROVIDER, List.of(ConfigProblem.of(
                    GcpConfigFields.CA_CERTIFICATE_FILE, file.isFile() ? "could not be read as PEM certificates"
                            : "is not a readable file")));
        }
    }
}
