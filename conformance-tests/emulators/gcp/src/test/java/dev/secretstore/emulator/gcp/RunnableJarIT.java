package dev.secretstore.emulator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.httpjson.InstantiatingHttpJsonChannelProvider;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.protobuf.ByteString;
import dev.secretstore.emulator.testing.ReadyLineProcess;
import dev.secretstore.emulator.testing.ReadyLineProcess.Stderr;
import io.grpc.ManagedChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the built, shaded jar as a child process, waits for READY and talks to it with the Google client. */
class RunnableJarIT {
  private static final Pattern READY = Pattern.compile(
      "READY grpc\\+tls://(127\\.0\\.0\\.1:\\d+) grpc://(127\\.0\\.0\\.1:\\d+) (http://127\\.0\\.0\\.1:\\d+)"
          + " (https://127\\.0\\.0\\.1:\\d+)");

  @Test
  void theJarServesAllThreeListeners(@TempDir Path dir) throws Exception {
    Path jar = Path.of(System.getProperty("emulator.jar", "target/secretstore-emulator-gcp.jar"));
    assertThat(jar).exists();
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("admin.json");
    Path state = dir.resolve("state.json");
    Files.writeString(state, SecretManagerEmulator.defaultStateJson().replace("\"secrets\": []",
        "\"secrets\": [{\"project\": \"emulator-project\", \"secretId\": \"from-state\", "
            + "\"versions\": [{\"data\": \"seeded\"}]}]"));
    ReadyLineProcess child = ReadyLineProcess.start(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "--grpc-port", "0",
        "--http-port", "0", "--state", state.toString(), "--write-cert", cert.toString(), "--write-key",
        Clients.ADMIN + "=" + key, "--stop-on-stdin-eof"), Stderr.MERGE);
    try (child) {
      // A bound on a hang, not a speed check: a started JVM that prints nothing for this long is broken.
      Matcher ready = READY.matcher(child.awaitReady(Duration.ofSeconds(120)));
      assertThat(ready.matches()).as("READY line in " + child.output()).isTrue();
      String tls = ready.group(1);
      String plain = ready.group(2);
      String http = ready.group(3) + "/";

      ServiceAccountCredentials credentials;
      try (var in = Files.newInputStream(key)) {
        credentials = ServiceAccountCredentials.fromStream(in);
      }
      try (SecretManagerServiceClient c = SecretManagerServiceClient.create(SecretManagerServiceSettings.newBuilder()
          .setCredentialsProvider(FixedCredentialsProvider.create(credentials))
          .setTransportChannelProvider(InstantiatingGrpcChannelProvider.newBuilder().setEndpoint(tls)
              .setChannelConfigurator(b -> trust(b, cert)).build()).build())) {
        assertThat(c.accessSecretVersion("projects/emulator-project/secrets/from-state/versions/latest")
            .getPayload().getData().toStringUtf8()).isEqualTo("seeded");
        c.createSecret("projects/emulator-project", "from-jar-test", SecretLifecycleTest.automatic());
        c.addSecretVersion("projects/emulator-project/secrets/from-jar-test", SecretPayload.newBuilder()
            .setData(ByteString.copyFromUtf8("over tls")).build());
      }
      try (SecretManagerServiceClient c = SecretManagerServiceClient.create(SecretManagerServiceSettings.newBuilder()
          .setCredentialsProvider(NoCredentialsProvider.create())
          .setTransportChannelProvider(InstantiatingGrpcChannelProvider.newBuilder().setEndpoint(plain)
              .setChannelConfigurator(ManagedChannelBuilder::usePlaintext).build()).build())) {
        assertThat(c.accessSecretVersion("projects/emulator-project/secrets/from-jar-test/versions/1").getPayload()
            .getData().toStringUtf8()).isEqualTo("over tls");
      }
      try (SecretManagerServiceClient c = SecretManagerServiceClient.create(SecretManagerServiceSettings
          .newHttpJsonBuilder().setEndpoint(http).setCredentialsProvider(NoCredentialsProvider.create())
          .setTransportChannelProvider(InstantiatingHttpJsonChannelProvider.newBuilder().setEndpoint(http).build())
          .build())) {
        assertThat(c.getSecret("projects/emulator-project/secrets/from-jar-test").getName())
            .isEqualTo("projects/100000000001/secrets/from-jar-test");
      }
      // Closing stdin asks the emulator (--stop-on-stdin-eof) to stop; close() kills it if it does not, so no test
      // run can leave a JVM behind.
      child.closeInput();
      child.waitForExit(Duration.ofSeconds(30));
    }
    assertThat(child.isAlive()).isFalse();
    assertThat(child.exitCode()).as("exit after its standard input closed").isZero();
  }

  private static ManagedChannelBuilder<?> trust(ManagedChannelBuilder<?> b, Path cert) {
    try {
      return ((NettyChannelBuilder) b).sslContext(GrpcSslContexts.forClient().trustManager(cert.toFile()).build());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
