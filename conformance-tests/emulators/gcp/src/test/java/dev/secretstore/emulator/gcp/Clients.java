package dev.secretstore.emulator.gcp;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.httpjson.InstantiatingHttpJsonChannelProvider;
import com.google.auth.Credentials;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.OAuth2Credentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import io.grpc.ManagedChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** Builds Google Cloud Secret Manager clients (the official Java client) pointed at an emulator. */
final class Clients {
  static final String PROJECT = SecretManagerEmulator.DEFAULT_PROJECT;
  static final String ADMIN = "admin@emulator-project.iam.gserviceaccount.com";
  static final String ACCESSOR = "accessor@emulator-project.iam.gserviceaccount.com";
  static final String ADDER = "adder@emulator-project.iam.gserviceaccount.com";
  static final String VERSION_MANAGER = "version-manager@emulator-project.iam.gserviceaccount.com";
  static final String VIEWER = "viewer@emulator-project.iam.gserviceaccount.com";
  static final String NOBODY = "nobody@emulator-project.iam.gserviceaccount.com";

  private Clients() {}

  /** gRPC in plaintext, no credentials: the emulator's default principal. */
  static SecretManagerServiceClient plaintext(SecretManagerEmulator emulator) {
    return create(SecretManagerServiceSettings.newBuilder()
        .setCredentialsProvider(NoCredentialsProvider.create())
        .setTransportChannelProvider(InstantiatingGrpcChannelProvider.newBuilder()
            .setEndpoint(emulator.grpcPlaintextTarget())
            .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
            .build()));
  }

  /** gRPC over TLS (trusting the emulator's certificate) with the service account's key file. */
  static SecretManagerServiceClient serviceAccount(SecretManagerEmulator emulator, String email) {
    return tls(emulator, keyCredentials(emulator, email));
  }

  /** gRPC over TLS with arbitrary credentials (e.g. a crafted bearer token). */
  static SecretManagerServiceClient tls(SecretManagerEmulator emulator, Credentials credentials) {
    return create(SecretManagerServiceSettings.newBuilder()
        .setCredentialsProvider(FixedCredentialsProvider.create(credentials))
        .setTransportChannelProvider(InstantiatingGrpcChannelProvider.newBuilder()
            .setEndpoint(emulator.grpcTlsTarget())
            .setChannelConfigurator(b -> trusting(b, emulator))
            .build()));
  }

  /** HttpJson (REST) transport; {@code credentials} null means none. */
  static SecretManagerServiceClient httpJson(SecretManagerEmulator emulator, Credentials credentials) {
    String endpoint = emulator.httpEndpoint().toString();
    return create(SecretManagerServiceSettings.newHttpJsonBuilder()
        .setEndpoint(endpoint)
        .setCredentialsProvider(credentials == null ? NoCredentialsProvider.create()
            : FixedCredentialsProvider.create(credentials))
        .setTransportChannelProvider(InstantiatingHttpJsonChannelProvider.newBuilder()
            .setEndpoint(endpoint)
            .build()));
  }

  /** HttpJson over HTTPS, trusting the emulator's certificate. */
  static SecretManagerServiceClient httpJsonTls(SecretManagerEmulator emulator, Credentials credentials) {
    String endpoint = emulator.httpsEndpoint().toString();
    try {
      java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("emulator", emulator.certificate());
      return create(SecretManagerServiceSettings.newHttpJsonBuilder()
          .setEndpoint(endpoint)
          .setCredentialsProvider(FixedCredentialsProvider.create(credentials))
          .setTransportChannelProvider(InstantiatingHttpJsonChannelProvider.newBuilder()
              .setEndpoint(endpoint)
              .setHttpTransport(new com.google.api.client.http.javanet.NetHttpTransport.Builder()
                  .trustCertificates(trust).build())
              .build()));
    } catch (java.security.GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ServiceAccountCredentials keyCredentials(SecretManagerEmulator emulator, String email) {
    String json = emulator.control().keyFileJson(email);
    try {
      return ServiceAccountCredentials.fromStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Credentials that send exactly this bearer token, and "refresh" to the same token (the HTTP transport refreshes
   * once after a 401, as it would against Google).
   */
  static OAuth2Credentials bearer(String token) {
    AccessToken fixed = new AccessToken(token, Date.from(Instant.now().plusSeconds(3600)));
    return new OAuth2Credentials(fixed) {
      private static final long serialVersionUID = 1L;

      @Override
      public AccessToken refreshAccessToken() {
        return fixed;
      }
    };
  }

  private static ManagedChannelBuilder<?> trusting(ManagedChannelBuilder<?> builder, SecretManagerEmulator emulator) {
    try {
      return ((NettyChannelBuilder) builder).sslContext(GrpcSslContexts.forClient()
          .trustManager(emulator.certificate()).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SecretManagerServiceClient create(SecretManagerServiceSettings.Builder settings) {
    try {
      return SecretManagerServiceClient.create(settings.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
