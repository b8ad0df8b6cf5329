package dev.secretstore.gcp.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.secretstore.emulator.gcp.SecretManagerEmulator;
import dev.secretstore.gcp.GcpSecretStoreProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An emulator with the accounts the provider's tests use: {@code secretstore@} holding exactly the conditioned grant
 * that {@code secretstore policy gcp} prints, {@code reader@} with secretAccessor and viewer, the emulator's own
 * {@code admin@}, {@code accessor@} and {@code viewer@}, and a key no account has. Requests without credentials are
 * refused (the default principal is off).
 */
final class EmulatorWorld implements AutoCloseable {

    static final String PROJECT = SecretManagerEmulator.DEFAULT_PROJECT;
    static final String PROJECT_NUMBER = "100000000001";
    static final String NAME_PREFIX = "airbyte_";
    static final String STORE_ACCOUNT = "secretstore@" + PROJECT + ".iam.gserviceaccount.com";
    static final String READER = "reader@" + PROJECT + ".iam.gserviceaccount.com";
    static final String ADMIN = "admin@" + PROJECT + ".iam.gserviceaccount.com";
    static final String ACCESSOR = "accessor@" + PROJECT + ".iam.gserviceaccount.com";
    static final String VIEWER = "viewer@" + PROJECT + ".iam.gserviceaccount.com";

    final SecretManagerEmulator emulator;
    final Path dir;
    final Path certificate;

    EmulatorWorld() {
        try {
            this.dir = Files.createTempDirectory("secretstore-gcp-test");
            this.emulator = SecretManagerEmulator.builder().stateJson(state()).build().start();
            this.certificate = emulator.writeCertificate(dir.resolve("emulator.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The printed policy for {@link #STORE_ACCOUNT}. */
    static String printedPolicy() {
        return GcpPolicy.commands(Map.of(GcpPolicy.PROJECT, PROJECT, GcpPolicy.SERVICE_ACCOUNT, STORE_ACCOUNT,
                GcpPolicy.NAME_PREFIX, NAME_PREFIX));
    }

    /** The default state, plus the two accounts, with the store's grant taken from the printed gcloud command. */
    static String state() {
        JsonObject state = JsonParser.parseString(SecretManagerEmulator.defaultStateJson()).getAsJsonObject();
        state.getAsJsonObject("defaultPrincipal").addProperty("enabled", false);
        JsonArray accounts = state.getAsJsonArray("serviceAccounts");
        for (String email : List.of(STORE_ACCOUNT, READER)) {
            JsonObject a = new JsonObject();
            a.addProperty("email", email);
            a.addProperty("project", PROJECT);
            accounts.add(a);
        }
        JsonArray bindings = state.getAsJsonArray("bindings");
        String policy = printedPolicy();
        Matcher role = Pattern.compile("--role=(\\S+)").matcher(policy);
        Matcher condition = Pattern.compile("--condition=\"expression=(.*),title=([^,]*),").matcher(policy);
        if (!role.find() || !condition.find()) {
            throw new IllegalStateException("the printed policy has no role or condition:\n" + policy);
        }
        JsonObject grant = binding(role.group(1), STORE_ACCOUNT);
        JsonObject cond = new JsonObject();
        cond.addProperty("title", condition.group(2));
        cond.addProperty("expression", condition.group(1).replace("\\\"", "\"").replace("${PROJECT_NUMBER}", PROJECT_NUMBER));
        grant.add("condition", cond);
        bindings.add(grant);
        bindings.add(binding("roles/secretmanager.secretAccessor", READER));
        bindings.add(binding("roles/secretmanager.viewer", READER));
        return state.toString();
    }

    private static JsonObject binding(String role, String email) {
        JsonObject b = new JsonObject();
        b.addProperty("resource", "projects/" + PROJECT);
        b.addProperty("role", role);
        JsonArray members = new JsonArray();
        members.add("serviceAccount:" + email);
        b.add("members", members);
        return b;
    }

    String keyJson(String email) {
        return emulator.control().keyFileJson(email);
    }

    Path keyFile(String email) {
        return emulator.control().writeKeyFile(email, dir.resolve(email.substring(0, email.indexOf('@')) + ".json"));
    }

    /** A well-formed key whose id the emulator has never issued. */
    String unknownKeyJson() {
        JsonObject key = JsonParser.parseString(keyJson(ADMIN)).getAsJsonObject();
        key.addProperty("private_key_id", UUID.randomUUID().toString().replace("-", ""));
        return key.toString();
    }

    /**
     * A key naming a key id the emulator did issue (the account's), whose private key is another one: its JWTs do
     * not verify, as a key file whose private_key was edited or mixed up with another key's would not.
     */
    String forgedKeyJson(String email) throws java.security.GeneralSecurityException {
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        JsonObject key = JsonParser.parseString(keyJson(email)).getAsJsonObject();
        key.addProperty("private_key", pem);
        return key.toString();
    }

    /** Writes a file into this world's directory (removed with it), e.g. a key file for ADC. */
    Path writeFile(String fileName, String content) {
        try {
            return Files.writeString(dir.resolve(fileName), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The common fields: project, endpoint, the emulator's certificate, a small retry policy. */
    Map<String, Object> baseConfig(String prefix) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("provider", GcpSecretStoreProvider.NAME);
        c.put("projectId", PROJECT);
        c.put("endpoint", emulator.grpcTlsTarget());
        c.put("caCertificateFile", certificate.toString());
        if (prefix != null) {
            c.put("namePrefix", prefix);
        }
        c.put("retry", Map.of("maxAttempts", 3, "initialBackoff", "PT0.005S", "maxBackoff", "PT0.02S"));
        return c;
    }

    Map<String, Object> keyConfig(String keyJson, String prefix) {
        Map<String, Object> c = baseConfig(prefix);
        c.put("auth_type", "SERVICE_ACCOUNT_KEY");
        c.put("credentialsJson", keyJson);
        return c;
    }

    Map<String, Object> adcConfig(String prefix) {
        Map<String, Object> c = baseConfig(prefix);
        c.put("auth_type", "WORKLOAD_IDENTITY");
        return c;
    }

    /** Google's client as {@code admin@}, over TLS, for changing secrets behind the store's back. */
    com.google.cloud.secretmanager.v1.SecretManagerServiceClient adminClient() {
        try {
            var ssl = io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts.forClient()
                    .trustManager(certificate.toFile()).build();
            var settings = com.google.cloud.secretmanager.v1.SecretManagerServiceSettings.newBuilder()
                    .setCredentialsProvider(com.google.api.gax.core.FixedCredentialsProvider.create(
                            GcpCredentials.serviceAccountKey(keyJson(ADMIN))))
                    .setTransportChannelProvider(com.google.api.gax.grpc.InstantiatingGrpcChannelProvider.newBuilder()
                            .setEndpoint(emulator.grpcTlsTarget())
                            .setChannelConfigurator(b -> ((io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder) b)
                                    .sslContext(ssl))
                            .build())
                    .build();
            return com.google.cloud.secretmanager.v1.SecretManagerServiceClient.create(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a store as this account with the given name prefix, with a service-account key. */
    dev.secretstore.SecretStore store(String email, String prefix) {
        return dev.secretstore.SecretStores.open(keyConfig(keyJson(email), prefix));
    }

    @Override
    public void close() {
        emulator.close();
        // The directory holds key files (private keys): leave none behind in the temporary directory.
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
