package dev.secretstore.emulator.azure;

import dev.secretstore.emulator.azure.internal.EmulatorCore;
import dev.secretstore.emulator.azure.internal.HttpsServer;
import dev.secretstore.emulator.azure.internal.InitialSecret;
import dev.secretstore.emulator.azure.internal.SelfSignedCertificate;
import dev.secretstore.emulator.azure.internal.StateParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A Docker-free Azure Key Vault (secrets) with its own Entra-compatible token endpoint, on one HTTPS loopback
 * port with a self-signed certificate generated at start.
 *
 * <pre>{@code
 * try (AzureKeyVaultEmulator emulator = AzureKeyVaultEmulator.builder().start()) {
 *     SecretClient client = new SecretClientBuilder()
 *             .vaultUrl(emulator.vaultUrl())
 *             .credential(new ClientSecretCredentialBuilder()
 *                     .authorityHost(emulator.authorityHost())
 *                     .tenantId(EmulatorDefaults.TENANT_ID)
 *                     .clientId(EmulatorDefaults.OFFICER_CLIENT_ID)
 *                     .clientSecret(EmulatorDefaults.OFFICER_CLIENT_SECRET)
 *                     .disableInstanceDiscovery()
 *                     .httpClient(httpClientTrusting(emulator.certificate()))
 *                     .build())
 *             .httpClient(httpClientTrusting(emulator.certificate()))
 *             .disableChallengeResourceVerification()
 *             .buildClient();
 * }
 * }</pre>
 */
public final class AzureKeyVaultEmulator implements AutoCloseable {
    private final SelfSignedCertificate certificate;
    private final EmulatorCore core;
    private final HttpsServer server;

    private AzureKeyVaultEmulator(Builder builder) {
        this.certificate = SelfSignedCertificate.generate();
        this.core = new EmulatorCore(StateParser.parse(builder.stateJson), builder.clock, builder.tokenLifetime);
        this.server = HttpsServer.start(builder.port, certificate, core);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code https://127.0.0.1:PORT}: the vault URL for {@code SecretClientBuilder.vaultUrl}. */
    public String vaultUrl() {
        return "https://127.0.0.1:" + port();
    }

    /** The same origin: the authority host for {@code ClientSecretCredentialBuilder.authorityHost}. */
    public String authorityHost() {
        return vaultUrl();
    }

    public int port() {
        return server.port();
    }

    /** The tenant the vault belongs to (the one its 401 challenge names). */
    public String tenantId() {
        return core.state().vault().tenantId();
    }

    /** The server's self-signed certificate, for clients to trust. */
    public X509Certificate certificate() {
        return certificate.certificate();
    }

    public String certificatePem() {
        return certificate.certificatePem();
    }

    public void writeCertificatePem(Path file) {
        try {
            Files.writeString(file, certificatePem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the certificate to " + file, e);
        }
    }

    /** Replaces tenants, apps, role assignments, vault options and secrets (see the README for the format). */
    public void loadState(String json) {
        core.loadState(StateParser.parse(json));
    }

    public void loadState(Path file) {
        try {
            loadState(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state file " + file, e);
        }
    }

    /** Sets a secret (a new version if it exists) without a client call or RBAC check; returns the version id. */
    public String plantSecret(PlantedSecret secret) {
        return core.plant(new InitialSecret(secret.name(), secret.value(), secret.contentType().orElse(null),
                secret.tags(), secret.enabled())).version();
    }

    public String plantSecret(String name, String value) {
        return plantSecret(PlantedSecret.builder(name, value).build());
    }

    public void injectFault(Fault fault) {
        core.injectFault(Objects.requireNonNull(fault, "fault"));
    }

    public void clearFaults() {
        core.clearFaults();
    }

    /** Requests received for an operation, including those answered 401, 4xx or with a fault. */
    public long requestCount(Operation operation) {
        return core.requestCount(operation);
    }

    public Map<Operation, Long> requestCounts() {
        return core.requestCounts();
    }

    /**
     * The query parameters of every vault request received for an operation, oldest first (for example the
     * {@code maxresults} a client sent with GetSecrets); cleared with the counts. Queries carry no credentials.
     */
    public java.util.List<Map<String, java.util.List<String>>> queries(Operation operation) {
        return core.queries(operation);
    }

    /**
     * The most requests (of any operation) received and not yet answered at one time, injected latency included,
     * since the emulator started or the counts were last reset: a client's concurrency limit, checked without timing.
     */
    public int inFlightHighWaterMark() {
        return core.inFlight().highWaterMark();
    }

    /** Zeroes the request counts, forgets the recorded queries and restarts the in-flight high-water mark. */
    public void resetRequestCounts() {
        core.resetRequestCounts();
    }

    /**
     * Moves the vault's clock forward: scheduled purges and created/updated dates follow it. Token lifetimes keep
     * the builder's clock, so SDK clients stay signed in; to test token expiry, give the builder a clock you move.
     */
    public void advanceClock(Duration by) {
        core.advanceClock(by);
    }

    /** Back to the loaded state: its secrets only, no faults, zero counts, real time. */
    public void reset() {
        core.reset();
    }

    public void stop() {
        server.close();
    }

    @Override
    public void close() {
        stop();
    }

    /** Configures and starts an emulator. Defaults: a free port, the built-in default state, 1-hour tokens. */
    public static final class Builder {
        private int port;
        private String stateJson = "{}";
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = Duration.ofSeconds(3599);

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** A state document; absent sections keep the defaults. */
        public Builder state(String json) {
            this.stateJson = Objects.requireNonNull(json, "json");
            return this;
        }

        public Builder stateFile(Path file) {
            try {
                return state(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read state file " + file, e);
            }
        }

        /** The time base for everything, tokens included (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("tokenLifetime must be positive, was " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        public AzureKeyVaultEmulator start() {
            return new AzureKeyVaultEmulator(this);
        }
    }
}
