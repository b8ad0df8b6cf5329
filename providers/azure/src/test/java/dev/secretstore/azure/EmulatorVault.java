package dev.secretstore.azure;

import dev.secretstore.SecretStores;
import dev.secretstore.emulator.azure.AzureKeyVaultEmulator;
import dev.secretstore.emulator.azure.EmulatorDefaults;
import dev.secretstore.emulator.azure.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An emulated vault for the provider's tests: the emulator on a loopback HTTPS port, its certificate in a PEM file
 * the configs name as {@code caCertificateFile}, and the privileged application holding exactly the role that
 * {@code secretstore policy azure} prints.
 */
final class EmulatorVault implements AutoCloseable {
    static final String PRIVILEGED_ID = EmulatorDefaults.OFFICER_CLIENT_ID;
    static final String PRIVILEGED_SECRET = EmulatorDefaults.OFFICER_CLIENT_SECRET;
    /** The retry policy's attempts in every config here. */
    static final int MAX_ATTEMPTS = 3;
    static final String WRONG_SECRET = "not-the-officer-client-secret";

    final AzureKeyVaultEmulator emulator;
    final Path certificate;
    final String printedPolicy;

    EmulatorVault(String privilegedId, String extraState) {
        this.printedPolicy = SecretStores.recommendedPolicy("azure",
                Map.of("vault-url", "https://emulator.vault.azure.net/", "client-id", privilegedId)).orElseThrow();
        this.emulator = AzureKeyVaultEmulator.builder()
                .state(state(privilegedId, roleIn(printedPolicy), extraState)).start();
        try {
            this.certificate = Files.createTempFile("azure-emulator", ".pem");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        emulator.writeCertificatePem(certificate);
    }

    EmulatorVault() {
        this(PRIVILEGED_ID, "");
    }

    /** The role the printed policy grants (the one {@code az role assignment create --role} line). */
    static String roleIn(String policy) {
        Matcher m = Pattern.compile("--role \"([^\"]+)\"").matcher(policy);
        if (!m.find()) {
            throw new IllegalStateException("the printed policy assigns no role");
        }
        return m.group(1);
    }

    private static String state(String privilegedId, String privilegedRole, String extra) {
        return "{\"vault\": {\"retentionDays\": 7},"
                + " \"roleAssignments\": ["
                + "{\"principalId\": \"" + privilegedId + "\", \"role\": \"" + privilegedRole + "\"},"
                + "{\"principalId\": \"" + EmulatorDefaults.USER_CLIENT_ID + "\", \"role\": \"Key Vault Secrets User\"},"
                + "{\"principalId\": \"" + EmulatorDefaults.READER_CLIENT_ID + "\", \"role\": \"Key Vault Reader\"},"
                + "{\"principalId\": \"" + EmulatorDefaults.EXPIRED_SECRET_CLIENT_ID + "\", \"role\": \"Key Vault Secrets Officer\"}"
                + "]" + extra + "}";
    }

    /** A service-principal config for this vault, with small retry backoffs and no propagation wait. */
    Map<String, Object> config(String clientId, String clientSecret) {
        Map<String, Object> config = base(clientId);
        config.put("clientSecret", clientSecret);
        return config;
    }

    Map<String, Object> base(String clientId) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("vaultUrl", emulator.vaultUrl() + "/");
        config.put("tenantId", EmulatorDefaults.TENANT_ID);
        config.put("clientId", clientId);
        config.put("authorityHost", emulator.authorityHost());
        config.put("caCertificateFile", certificate.toString());
        config.put("verifyPropagationWait", "PT0S");
        config.put("retry", new LinkedHashMap<>(Map.of("maxAttempts", MAX_ATTEMPTS, "initialBackoff", "PT0.01S",
                "maxBackoff", "PT0.05S", "maxElapsed", "PT20S")));
        return config;
    }

    Map<String, Object> privileged() {
        return config(PRIVILEGED_ID, PRIVILEGED_SECRET);
    }

    /** Attempts to change the vault: set, update, delete, recover, purge. */
    long writeAttempts() {
        return emulator.requestCount(Operation.SET_SECRET) + emulator.requestCount(Operation.UPDATE_SECRET)
                + emulator.requestCount(Operation.DELETE_SECRET) + emulator.requestCount(Operation.RECOVER_DELETED_SECRET)
                + emulator.requestCount(Operation.PURGE_DELETED_SECRET);
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
