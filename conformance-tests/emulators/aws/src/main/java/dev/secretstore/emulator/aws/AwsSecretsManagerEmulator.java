package dev.secretstore.emulator.aws;

import dev.secretstore.emulator.aws.internal.EmulatorRouter;
import dev.secretstore.emulator.aws.internal.control.EmulatorClock;
import dev.secretstore.emulator.aws.internal.control.EmulatorState;
import dev.secretstore.emulator.aws.internal.control.StateDocument;
import dev.secretstore.emulator.aws.internal.http.ConnectionStats;
import dev.secretstore.emulator.aws.internal.http.NettyHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A Docker-free AWS Secrets Manager (and STS) on a loopback port, speaking the real wire protocols with SigV4
 * and IAM policy evaluation. Start it, point any AWS client at {@link #endpoint()}, steer it with the control
 * methods (or the {@code /_emulator/} HTTP API), stop it.
 *
 * <pre>{@code
 * try (AwsSecretsManagerEmulator emulator = AwsSecretsManagerEmulator.builder().build().start()) {
 *     SecretsManagerClient client = SecretsManagerClient.builder().endpointOverride(emulator.endpoint())…
 * }
 * }</pre>
 */
public final class AwsSecretsManagerEmulator implements AutoCloseable {
    private final String host;
    private final int requestedPort;
    private final EmulatorState state;
    private volatile NettyHttpServer server;
    private final ConnectionStats connections = new ConnectionStats();

    private AwsSecretsManagerEmulator(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.state = new EmulatorState(new EmulatorClock(b.clock), b.state);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and accepts connections; returns this for chaining. */
    public synchronized AwsSecretsManagerEmulator start() {
        if (server == null) {
            server = new NettyHttpServer(host, requestedPort, new EmulatorRouter(state), connections);
        }
        return this;
    }

    /** Closes the port and every connection. The state stays; {@link #start()} may be called again. */
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        NettyHttpServer s = server;
        if (s == null) {
            throw new IllegalStateException("emulator is not started");
        }
        return s.port();
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint override for Secrets Manager and STS clients alike. */
    public URI endpoint() {
        return URI.create("http://" + host + ":" + port());
    }

    /** Replaces users, roles and sessions with the state document's, and plants its secrets. See the README. */
    public void loadState(String stateJson) {
        state.load(StateDocument.parse(stateJson));
    }

    public void loadState(Path stateFile) {
        loadState(read(stateFile));
    }

    /** Puts a secret in place as if another team created it (no credentials, no policy check); returns its ARN. */
    public String plantSecret(SecretSeed seed) {
        return state.plant(Objects.requireNonNull(seed, "seed")).arn();
    }

    /** Switches a fault on for one operation (e.g. {@code "GetSecretValue"}, {@code "AssumeRole"}) or {@code "*"}. */
    public void setFault(String operation, Fault fault) {
        state.faults().set(Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(fault, "fault"));
    }

    public void clearFault(String operation) {
        state.faults().clear(operation);
    }

    public void clearFaults() {
        state.faults().clearAll();
    }

    /** Throttles an operation (or {@code "*"}: all together) above this many requests per second. */
    public void setRateLimit(String operation, double requestsPerSecond) {
        state.rateLimiter().set(Objects.requireNonNull(operation, "operation"), requestsPerSecond);
    }

    public void clearRateLimits() {
        state.rateLimiter().clear();
    }

    /** Requests received for an operation since start or the last reset, faulted and refused ones included. */
    public long requestCount(String operation) {
        return state.counter().get(operation);
    }

    /** TCP connections accepted since the start or {@link #resetConnectionCount()} (admin calls' included). */
    public long connectionsAccepted() {
        return connections.accepted();
    }

    /** TCP connections open now. */
    public int openConnections() {
        return connections.open();
    }

    public void resetConnectionCount() {
        connections.resetAccepted();
    }

    public Map<String, Long> requestCounts() {
        return state.counter().snapshot();
    }

    public void resetRequestCounts() {
        state.counter().reset();
    }

    /** Moves the emulator's clock forward: expires session credentials, ends recovery windows, skews signatures. */
    public void advanceClock(Duration by) {
        state.clock().advance(Objects.requireNonNull(by, "by"));
    }

    /** Back to the starting state: secrets, sessions, faults, rate limits, counts and clock. */
    public void reset() {
        state.reset();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state file " + file, e);
        }
    }

    /** Configures an emulator; every option has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private StateDocument state = StateDocument.empty();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + value);
            }
            this.port = value;
            return this;
        }

        /** The address to bind; loopback by default. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** Initial state (JSON, format in the README); also what {@link #reset()} returns to. */
        public Builder state(String stateJson) {
            this.state = StateDocument.parse(stateJson);
            return this;
        }

        public Builder stateFile(Path file) {
            return state(read(file));
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public AwsSecretsManagerEmulator build() {
            return new AwsSecretsManagerEmulator(this);
        }
    }
}
