package dev.secretstore.emulator.gcp;

import dev.secretstore.emulator.gcp.internal.AdminEndpoint;
import dev.secretstore.emulator.gcp.internal.CallDispatcher;
import dev.secretstore.emulator.gcp.internal.EmulatorCore;
import dev.secretstore.emulator.gcp.internal.GrpcAuthorization;
import dev.secretstore.emulator.gcp.internal.GrpcSecretManagerService;
import dev.secretstore.emulator.gcp.internal.HttpFrontEnd;
import dev.secretstore.emulator.gcp.internal.RestGateway;
import dev.secretstore.emulator.gcp.internal.SelfSignedCertificate;
import dev.secretstore.emulator.gcp.internal.StateDocument;
import dev.secretstore.emulator.gcp.internal.TokenEndpoint;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Google Cloud Secret Manager emulator on loopback: gRPC over TLS (self-signed certificate), gRPC in plaintext,
 * and the v1 REST mapping, token endpoint and admin endpoint on an HTTP port and an HTTPS port.
 *
 * <pre>{@code
 * try (SecretManagerEmulator emulator = SecretManagerEmulator.builder().build().start()) {
 *   String target = emulator.grpcTlsTarget();   // "127.0.0.1:PORT"
 * }
 * }</pre>
 */
public final class SecretManagerEmulator implements AutoCloseable {
  /** The project of the built-in state. */
  public static final String DEFAULT_PROJECT = "emulator-project";

  private final Builder settings;
  private EmulatorCore core;
  private CallDispatcher dispatcher;
  private SelfSignedCertificate certificate;
  private Server tlsServer;
  private Server plainServer;
  private HttpFrontEnd http;
  private HttpFrontEnd https;
  private EmulatorControl control;

  private SecretManagerEmulator(Builder settings) {
    this.settings = settings;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The built-in state as JSON: a starting point for a state file of one's own. */
  public static String defaultStateJson() {
    return StateDocument.builtInJson();
  }

  /** Starts all three listeners; returns this emulator. */
  public synchronized SecretManagerEmulator start() {
    if (core != null) {
      throw new IllegalStateException("the emulator is already started");
    }
    try {
      StateDocument state = settings.stateJson == null ? StateDocument.builtIn() : StateDocument.parse(settings.stateJson);
      core = new EmulatorCore(state, settings.clock);
      dispatcher = new CallDispatcher(core);
      certificate = SelfSignedCertificate.generate();
      ServerServiceDefinition service = ServerInterceptors.intercept(
          new GrpcSecretManagerService(dispatcher, core.operations()), new GrpcAuthorization());
      ServerCredentials tls = TlsServerCredentials.create(
          new ByteArrayInputStream(certificate.certificatePem().getBytes(StandardCharsets.US_ASCII)),
          new ByteArrayInputStream(certificate.privateKeyPem().getBytes(StandardCharsets.US_ASCII)));
      tlsServer = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", settings.grpcTlsPort), tls)
          .addService(service).addTransportFilter(core.connections()).build().start();
      plainServer = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", settings.grpcPlaintextPort),
          InsecureServerCredentials.create()).addService(service).addTransportFilter(core.connections()).build()
          .start();
      RestGateway rest = new RestGateway(dispatcher, core.operations());
      TokenEndpoint token = new TokenEndpoint(core, this::tokenUri);
      AdminEndpoint admin = new AdminEndpoint(core, this::tokenUri, certificate::certificatePem, this::addresses);
      http = new HttpFrontEnd(settings.httpPort, null, rest::handle, token::handle, admin::handle);
      https = new HttpFrontEnd(settings.httpsPort, HttpFrontEnd.tls(certificate.certificatePem(),
          certificate.privateKeyPem()), rest::handle, token::handle, admin::handle);
      control = new EmulatorControl(core, this::tokenUri);
      return this;
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException("could not start the emulator's listeners", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** Stops every listener; safe to call more than once. */
  public synchronized void stop() {
    for (Server s : new Server[] {tlsServer, plainServer}) {
      if (s != null) {
        s.shutdownNow();
        try {
          s.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    for (HttpFrontEnd h : new HttpFrontEnd[] {http, https}) {
      if (h != null) {
        h.close();
      }
    }
    if (dispatcher != null) {
      dispatcher.close();
    }
    tlsServer = null;
    plainServer = null;
    http = null;
    https = null;
    dispatcher = null;
  }

  @Override
  public void close() {
    stop();
  }

  private void requireStarted() {
    if (http == null) {
      throw new IllegalStateException("the emulator is not running");
    }
  }

  /** {@code 127.0.0.1:PORT} of the TLS gRPC listener (use with service-account credentials). */
  public String grpcTlsTarget() {
    requireStarted();
    return "127.0.0.1:" + tlsServer.getPort();
  }

  /** {@code 127.0.0.1:PORT} of the plaintext gRPC listener (for clients without credentials). */
  public String grpcPlaintextTarget() {
    requireStarted();
    return "127.0.0.1:" + plainServer.getPort();
  }

  /** {@code http://127.0.0.1:PORT/}: REST mapping, token endpoint and admin endpoint. */
  public URI httpEndpoint() {
    requireStarted();
    return URI.create("http://127.0.0.1:" + http.port() + "/");
  }

  /** {@code https://127.0.0.1:PORT/}: the same as {@link #httpEndpoint()} over TLS with the emulator's certificate. */
  public URI httpsEndpoint() {
    requireStarted();
    return URI.create("https://127.0.0.1:" + https.port() + "/");
  }

  /** The token_uri written into key files. */
  public String tokenUri() {
    return httpEndpoint() + "token";
  }

  public X509Certificate certificate() {
    requireStarted();
    return certificate.certificate();
  }

  public String certificatePem() {
    requireStarted();
    return certificate.certificatePem();
  }

  /** Writes the TLS certificate (PEM) so clients can trust it; returns the path. */
  public Path writeCertificate(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, certificatePem(), StandardCharsets.US_ASCII);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write certificate " + file, e);
    }
  }

  public EmulatorControl control() {
    requireStarted();
    return control;
  }

  /** The line the command prints when ready. */
  public String readyLine() {
    return "READY grpc+tls://" + grpcTlsTarget() + " grpc://" + grpcPlaintextTarget() + " "
        + httpEndpoint().toString().replaceAll("/$", "") + " " + httpsEndpoint().toString().replaceAll("/$", "");
  }

  private Map<String, String> addresses() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("grpcTls", grpcTlsTarget());
    m.put("grpcPlaintext", grpcPlaintextTarget());
    m.put("http", httpEndpoint().toString());
    m.put("https", httpsEndpoint().toString());
    return m;
  }

  @Override
  public String toString() {
    return http == null ? "SecretManagerEmulator[stopped]" : "SecretManagerEmulator[" + readyLine() + "]";
  }

  /** Ports (0 = any free port) and the initial state. */
  public static final class Builder {
    private int grpcTlsPort;
    private int grpcPlaintextPort;
    private int httpPort;
    private int httpsPort;
    private String stateJson;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder grpcTlsPort(int port) {
      this.grpcTlsPort = port;
      return this;
    }

    public Builder grpcPlaintextPort(int port) {
      this.grpcPlaintextPort = port;
      return this;
    }

    public Builder httpPort(int port) {
      this.httpPort = port;
      return this;
    }

    public Builder httpsPort(int port) {
      this.httpsPort = port;
      return this;
    }

    /** Initial state as JSON (see README); without it the built-in state applies. */
    public Builder stateJson(String json) {
      StateDocument.parse(json);
      this.stateJson = json;
      return this;
    }

    public Builder stateFile(Path file) {
      try {
        return stateJson(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("could not read state file " + file, e);
      }
    }

    /** The clock used for token expiry, timestamps and quotas. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public SecretManagerEmulator build() {
      return new SecretManagerEmulator(this);
    }
  }
}
