package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.emulator.testing.ChildProcess;
import dev.secretstore.emulator.testing.NodeProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A second official client: the Azure SDK for JavaScript ({@code @azure/keyvault-secrets} with
 * {@code @azure/identity}, versions pinned in {@code src/test/node/package-lock.json}) runs
 * {@code src/test/node/key-vault-flow.mjs} once against an in-process emulator, and every step's outcome is
 * asserted here. Without node and npm, or when {@code npm ci} cannot install the packages (no registry), the
 * class is skipped with the reason; it never passes without having run the client.
 */
@DisplayName("The Azure SDK for JavaScript drives the emulator as the Java SDK does")
class JavaScriptSdkTest {
    private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String UNKNOWN_TENANT_ID = "5ec2e7a1-0000-4000-8000-0000000000ff";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AzureKeyVaultEmulator emulator;
    private static JsonNode report;
    private static JsonNode results;
    private static String prefix;
    private static String value1;
    private static String value2;

    /** Why the client could not run here (environment), or null. */
    private static String skipReason;
    /** Why the client ran but did not finish its flow (a real failure), or null. */
    private static String flowFailure;

    @BeforeAll
    @Timeout(180)
    static void installAndRunTheJavaScriptClient() throws IOException {
        Path moduleDir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path work = moduleDir.resolve("target/js-sdk-client");
        Path logs = moduleDir.resolve("target/js-sdk-client-logs");
        skipReason = install(moduleDir.resolve("src/test/node"), work).orElse(null);
        if (skipReason != null) {
            // Surefire does not report a class aborted in @BeforeAll; each test is skipped with this reason instead.
            System.err.println("JavaScriptSdkTest skipped: " + skipReason);
            return;
        }
        emulator = AzureKeyVaultEmulator.builder().start();
        Path pem = Files.createDirectories(logs).resolve("emulator.pem");
        emulator.writeCertificatePem(pem);
        prefix = "js-" + UUID.randomUUID().toString().substring(0, 8);
        value1 = "first-" + UUID.randomUUID();
        value2 = "second-" + UUID.randomUUID();
        emulator.plantSecret(prefix + "-planted", "planted-by-java");

        ChildProcess.Result flow = ChildProcess.command("node", "key-vault-flow.mjs").workingDirectory(work)
                .inheritedEnvironmentWith(flowEnvironment(pem)).outputDirectory(logs).timeout(FLOW_TIMEOUT).run();
        if (!flow.succeeded()) {
            flowFailure = (flow.timedOut() ? "key-vault-flow.mjs did not finish within " + FLOW_TIMEOUT.toSeconds()
                    + " s" : "key-vault-flow.mjs exited with " + flow.exitCode()) + ":\n" + flow.tail(20);
            return;
        }
        report = JSON.readTree(flow.stdout());
        results = report.path("results");
    }

    /** Copies the client, checks node and npm and runs npm ci; returns why the client cannot run here, if so. */
    private static Optional<String> install(Path source, Path work) {
        NodeProject project = NodeProject.copyOf(source, work);
        Optional<String> missing = project.whyToolsMissing();
        if (missing.isPresent()) {
            return missing;
        }
        String version = project.nodeVersion();
        if (!version.matches("v\\d+\\..*") || Integer.parseInt(version.substring(1, version.indexOf('.'))) < 20) {
            return Optional.of("node " + version + " is not 20 or newer, as the SDK needs");
        }
        return project.install(INSTALL_TIMEOUT);
    }

    @BeforeEach
    void requireTheClientRun() {
        assumeTrue(skipReason == null, () -> "the Azure SDK for JavaScript cannot run here: " + skipReason);
        if (flowFailure != null) {
            fail(flowFailure);
        }
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.stop();
        }
    }

    @Test
    @DisplayName("the pinned SDK versions ran, and they sent api-version 2026-04-01 only")
    void pinnedVersionsAndApiVersion() throws IOException {
        JsonNode pins = JSON.readTree(Path.of(System.getProperty("basedir", ""), "src/test/node/package.json")
                .toFile()).path("dependencies");
        assertThat(report.path("packages").path("@azure/keyvault-secrets").asText())
                .isEqualTo(pins.path("@azure/keyvault-secrets").asText());
        assertThat(report.path("packages").path("@azure/identity").asText())
                .isEqualTo(pins.path("@azure/identity").asText());
        assertThat(texts(report.path("apiVersions"))).containsExactly("2026-04-01");
    }

    @Test
    @DisplayName("set returns the bundle; get latest and get by version return the right value and properties")
    void setAndGet() {
        JsonNode first = ok("setFirst");
        JsonNode second = ok("setSecond");
        String name = prefix + "-main";
        assertThat(first.path("name").asText()).isEqualTo(name);
        assertThat(first.path("version").asText()).matches("[0-9a-f]{32}");
        assertThat(second.path("version").asText()).matches("[0-9a-f]{32}").isNotEqualTo(first.path("version").asText());
        assertThat(first.path("id").asText())
                .isEqualTo(emulator.vaultUrl() + "/secrets/" + name + "/" + first.path("version").asText());
        assertThat(first.path("valueSha256").asText()).isEqualTo(sha256(value1));
        assertThat(first.path("contentType").asText()).isEqualTo("text/plain");
        assertThat(first.path("tags")).isEqualTo(JSON.createObjectNode().put("env", "test"));
        assertThat(first.path("enabled").asBoolean()).isTrue();
        assertThat(first.path("recoveryLevel").asText()).isEqualTo("Recoverable+Purgeable");
        assertThat(first.path("recoverableDays").asInt()).isEqualTo(90);
        assertThat(Instant.parse(first.path("createdOn").asText()))
                .isBetween(Instant.now().minus(Duration.ofMinutes(10)), Instant.now().plusSeconds(5));

        JsonNode latest = ok("getLatest");
        assertThat(latest.path("version").asText()).isEqualTo(second.path("version").asText());
        assertThat(latest.path("valueSha256").asText()).isEqualTo(sha256(value2));

        JsonNode byVersion = ok("getFirstVersion");
        assertThat(byVersion.path("version").asText()).isEqualTo(first.path("version").asText());
        assertThat(byVersion.path("valueSha256").asText()).isEqualTo(sha256(value1));
        assertThat(byVersion.path("contentType").asText()).isEqualTo("text/plain");
    }

    @Test
    @DisplayName("listing secrets and versions follows nextLink with the SDK's page size (maxresults)")
    void paging() {
        ok("setOthers");
        JsonNode secrets = ok("listSecrets");
        assertThat(texts(secrets.path("items")))
                .containsExactly(prefix + "-main", prefix + "-other", prefix + "-planted", prefix + "-third");
        assertThat(secrets.path("pageCount").asInt()).isEqualTo(2);
        assertThat(ints(secrets.path("pageSizes"))).containsExactly(2, 2);

        JsonNode versions = ok("listVersions");
        assertThat(texts(versions.path("items"))).containsExactlyInAnyOrder(
                results.path("setFirst").path("version").asText(), results.path("setSecond").path("version").asText());
        assertThat(ints(versions.path("pageSizes"))).containsExactly(1, 1);
    }

    @Test
    @DisplayName("updating tags changes the properties of that version and not its value")
    void updateTags() {
        JsonNode expectedTags = JSON.createObjectNode().put("env", "test").put("owner", "js-sdk");
        JsonNode updated = ok("updateTags");
        assertThat(updated.path("version").asText()).isEqualTo(results.path("setSecond").path("version").asText());
        assertThat(updated.path("tags")).isEqualTo(expectedTags);
        JsonNode after = ok("getAfterUpdate");
        assertThat(after.path("tags")).isEqualTo(expectedTags);
        assertThat(after.path("valueSha256").asText()).isEqualTo(sha256(value2));
    }

    @Test
    @DisplayName("a Secrets User reads, and its set is 403 Forbidden / ForbiddenByRbac with nothing written")
    void secretsUserRbac() {
        assertThat(ok("userGet").path("valueSha256").asText()).isEqualTo(sha256(value2));
        JsonNode refused = results.path("userSet");
        assertThat(refused.path("ok").asBoolean()).isFalse();
        assertThat(refused.path("errorName").asText()).isEqualTo("RestError");
        assertThat(refused.path("status").asInt()).isEqualTo(403);
        assertThat(refused.path("code").asText()).isEqualTo("Forbidden");
        assertThat(refused.path("innerCode").asText()).isEqualTo("ForbiddenByRbac");
        assertThat(refused.path("message").asText()).startsWith("Caller is not authorized to perform action");
        assertThat(ok("getAfterRecover").path("valueSha256").asText()).as("the refused set wrote nothing")
                .isEqualTo(sha256(value2));
    }

    @Test
    @DisplayName("soft delete: the delete poller finishes, the deleted secret is readable, the name is 409, get is 404")
    void softDelete() {
        String name = prefix + "-main";
        JsonNode deleted = ok("beginDelete");
        assertThat(deleted.path("name").asText()).isEqualTo(name);
        assertThat(deleted.path("recoveryId").asText()).isEqualTo(emulator.vaultUrl() + "/deletedsecrets/" + name);
        assertThat(deleted.path("valuePresent").asBoolean()).isFalse();
        Instant deletedOn = Instant.parse(deleted.path("deletedOn").asText());
        assertThat(Instant.parse(deleted.path("scheduledPurgeDate").asText()))
                .isEqualTo(deletedOn.plus(Duration.ofDays(90)));
        assertThat(ok("getDeleted").path("recoveryId").asText()).isEqualTo(deleted.path("recoveryId").asText());
        assertThat(texts(ok("listDeleted").path("items"))).containsExactly(name);

        assertError("setWhileDeleted", 409, "Conflict", "ObjectIsDeletedButRecoverable");
        assertError("getWhileDeleted", 404, "SecretNotFound", null);
    }

    @Test
    @DisplayName("recover brings the latest version back with its tags; purge frees the name for a new secret")
    void recoverAndPurge() {
        JsonNode recovered = ok("beginRecover");
        assertThat(recovered.path("version").asText()).isEqualTo(results.path("setSecond").path("version").asText());
        JsonNode after = ok("getAfterRecover");
        assertThat(after.path("valueSha256").asText()).isEqualTo(sha256(value2));
        assertThat(after.path("tags").path("owner").asText()).isEqualTo("js-sdk");

        ok("deleteOther");
        ok("purgeOther");
        assertError("getDeletedAfterPurge", 404, "SecretNotFound", null);
        assertThat(ok("setAfterPurge").path("valueSha256").asText()).isEqualTo(sha256(value2));
    }

    @Test
    @DisplayName("what the JS SDK wrote reads back through the Java SDK")
    void javaSdkReadsWhatJavaScriptWrote() {
        var http = EmulatorClients.trusting(emulator.certificate());
        SecretClient java = EmulatorClients.secretClientWithoutRetries(emulator, http,
                EmulatorClients.officerCredential(emulator, http));
        KeyVaultSecret secret = java.getSecret(prefix + "-main");

        assertThat(secret.getValue()).isEqualTo(value2);
        assertThat(secret.getProperties().getVersion()).isEqualTo(results.path("setSecond").path("version").asText());
        assertThat(secret.getProperties().getTags()).containsExactlyInAnyOrderEntriesOf(
                Map.of("env", "test", "owner", "js-sdk"));
    }

    @Test
    @DisplayName("Entra errors: a wrong client secret is invalid_client AADSTS7000215; an unknown tenant fails discovery")
    void entraErrors() {
        JsonNode wrongSecret = results.path("wrongClientSecret");
        assertThat(wrongSecret.path("ok").asBoolean()).isFalse();
        assertThat(wrongSecret.path("errorName").asText()).isEqualTo("AuthenticationRequiredError");
        assertThat(wrongSecret.path("causeName").asText()).isEqualTo("ServerError");
        assertThat(wrongSecret.path("causeErrorCode").asText()).isEqualTo("invalid_client");
        assertThat(wrongSecret.path("causeStatus").asInt()).isEqualTo(401);
        assertThat(wrongSecret.path("aadsts").asText()).isEqualTo("AADSTS7000215");

        // MSAL reports a rejected discovery (400 invalid_tenant, see OpenIdDiscoveryTest) only by this code.
        JsonNode unknownTenant = results.path("unknownTenant");
        assertThat(unknownTenant.path("ok").asBoolean()).isFalse();
        assertThat(unknownTenant.path("errorName").asText()).isEqualTo("CredentialUnavailableError");
        assertThat(unknownTenant.path("message").asText()).startsWith("endpoints_resolution_error");
        assertThat(emulator.requestCount(Operation.OPENID_CONFIGURATION)).as("MSAL's discovery requests")
                .isGreaterThanOrEqualTo(2);
    }

    private static JsonNode ok(String step) {
        JsonNode result = results.path(step);
        assertThat(result.path("ok").asBoolean()).as("step %s succeeded: %s", step, result).isTrue();
        return result;
    }

    private static void assertError(String step, int status, String code, String innerCode) {
        JsonNode result = results.path(step);
        assertThat(result.path("ok").asBoolean()).as("step %s failed: %s", step, result).isFalse();
        assertThat(result.path("errorName").asText()).as(step).isEqualTo("RestError");
        assertThat(result.path("status").asInt()).as(step).isEqualTo(status);
        assertThat(result.path("code").asText()).as(step).isEqualTo(code);
        if (innerCode != null) {
            assertThat(result.path("innerCode").asText()).as(step).isEqualTo(innerCode);
        }
    }

    private static Map<String, String> flowEnvironment(Path pem) {
        Map<String, String> env = new HashMap<>();
        env.put("NODE_EXTRA_CA_CERTS", pem.toString());
        // Every request goes to 127.0.0.1; a proxy from the environment must not intercept them.
        for (String proxy : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY")) {
            env.put(proxy, null);
        }
        env.put("NO_PROXY", "127.0.0.1,localhost");
        env.put("KV_VAULT_URL", emulator.vaultUrl());
        env.put("KV_AUTHORITY_HOST", emulator.authorityHost());
        env.put("KV_TENANT_ID", EmulatorDefaults.TENANT_ID);
        env.put("KV_OFFICER_CLIENT_ID", EmulatorDefaults.OFFICER_CLIENT_ID);
        env.put("KV_OFFICER_CLIENT_SECRET", EmulatorDefaults.OFFICER_CLIENT_SECRET);
        env.put("KV_USER_CLIENT_ID", EmulatorDefaults.USER_CLIENT_ID);
        env.put("KV_USER_CLIENT_SECRET", EmulatorDefaults.USER_CLIENT_SECRET);
        env.put("KV_UNKNOWN_TENANT_ID", UNKNOWN_TENANT_ID);
        env.put("KV_NAME_PREFIX", prefix);
        env.put("KV_VALUE_1", value1);
        env.put("KV_VALUE_2", value2);
        return env;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asInt()));
        return values;
    }
}
