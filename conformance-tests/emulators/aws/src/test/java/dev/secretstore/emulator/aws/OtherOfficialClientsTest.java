package dev.secretstore.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.emulator.testing.ChildProcess;
import dev.secretstore.emulator.testing.ChildProcess.Result;
import dev.secretstore.emulator.testing.NodeLockfile;
import dev.secretstore.emulator.testing.NodeProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The emulator must behave the same for every official client, not only the Java SDK its contract tests use. This
 * drives it with the AWS CLI, boto3 (Python) and the AWS SDK for JavaScript v3 as child processes, over real
 * sockets with SigV4, and asserts on what those clients report. A client that is not installed on this machine is
 * reported as skipped with the reason, never as passed.
 */
class OtherOfficialClientsTest {
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";
    private static final String PARTNER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/partner";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration NPM_TIMEOUT = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

    // alice may assume "partner" only with its ExternalId; the role reads secrets tagged AirbyteManaged=true
    // (ForAllValues, as the product's documented policy). auditor may list and describe, never read values.
    private static final String STATE = """
            {"accounts": [{"id": "123456789012",
              "users": [
                {"name": "alice", "accessKeys": [{"accessKeyId": "AKIAALICE00000000001", "secretAccessKey": "alice-secret"}],
                 "policies": [{"Version": "2012-10-17", "Statement": [
                   {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}]},
                {"name": "auditor", "accessKeys": [{"accessKeyId": "AKIAAUDITOR000000001", "secretAccessKey": "auditor-secret"}],
                 "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Action": ["secretsmanager:ListSecrets", "secretsmanager:DescribeSecret"], "Resource": "*"}]}]}
              ],
              "roles": [
                {"name": "partner",
                 "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Principal": {"AWS": "arn:aws:iam::123456789012:user/alice"}, "Action": "sts:AssumeRole",
                   "Condition": {"StringEquals": {"sts:ExternalId": "ext-123"}}}]},
                 "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], "Resource": "*",
                   "Condition": {"ForAllValues:StringEquals": {"secretsmanager:ResourceTag/AirbyteManaged": "true"}}}]}]}
              ]
            }]}
            """;

    private static AwsSecretsManagerEmulator emulator;
    private static SecretsManagerClient javaSdk;
    private static String cliVersion;
    private static String cliUnavailable;

    @TempDir
    Path scratch;

    @BeforeAll
    static void start() {
        emulator = AwsSecretsManagerEmulator.builder().state(STATE).build().start();
        javaSdk = Clients.secretsManager(emulator.endpoint(), Clients.admin());
    }

    @AfterAll
    static void stop() {
        javaSdk.close();
        emulator.stop();
    }

    // ---- AWS CLI -------------------------------------------------------------------------------------------

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void awsCliRunsTheSecretLifecycle() throws Exception {
        requireAwsCli();
        emulator.plantSecret(SecretSeed.builder("cli/untagged").secretString("u").build());
        emulator.plantSecret(SecretSeed.builder("cli/planted").secretString("p").tag("AirbyteManaged", "false")
                .build());
        Map<String, String> admin = IsolatedAwsEnvironment.withKeys(baseEnv(), DefaultIdentity.ADMIN_ACCESS_KEY_ID,
                DefaultIdentity.ADMIN_SECRET_ACCESS_KEY, null);

        JsonNode created = ok(aws(admin, "secretsmanager", "create-secret", "--name", "cli/db",
                "--secret-string", "cli-v1", "--description", "made by the AWS CLI", "--tags", "Key=team,Value=data"));
        String arn = created.path("ARN").asText();
        assertThat(arn).matches("arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:cli/db-[A-Za-z0-9]{6}");
        assertThat(created.path("Name").asText()).isEqualTo("cli/db");
        String firstVersion = created.path("VersionId").asText();

        Result exists = aws(admin, "secretsmanager", "create-secret", "--name", "cli/db", "--secret-string", "x");
        assertServiceError(exists, "ResourceExistsException", "CreateSecret",
                "The operation failed because the secret cli/db already exists.");

        JsonNode put = ok(aws(admin, "secretsmanager", "put-secret-value", "--secret-id", arn,
                "--secret-string", "cli-v2"));
        String secondVersion = put.path("VersionId").asText();
        assertThat(secondVersion).isNotEqualTo(firstVersion);
        assertThat(strings(put.path("VersionStages"))).containsExactly("AWSCURRENT");

        Result tagged = aws(admin, "secretsmanager", "tag-resource", "--secret-id", "cli/db",
                "--tags", "Key=AirbyteManaged,Value=true");
        assertThat(tagged.exitCode()).as(tagged.describe()).isZero();
        assertThat(tagged.stdout()).isBlank();

        JsonNode described = ok(aws(admin, "secretsmanager", "describe-secret", "--secret-id", "cli/db"));
        assertThat(described.path("ARN").asText()).isEqualTo(arn);
        assertThat(described.path("Description").asText()).isEqualTo("made by the AWS CLI");
        assertThat(tags(described)).containsExactlyInAnyOrderEntriesOf(Map.of("team", "data",
                "AirbyteManaged", "true"));
        assertThat(strings(described.path("VersionIdsToStages").path(firstVersion))).containsExactly("AWSPREVIOUS");
        assertThat(strings(described.path("VersionIdsToStages").path(secondVersion))).containsExactly("AWSCURRENT");

        // --page-size 1 makes the CLI follow NextToken itself, one request per page.
        long listCallsBefore = emulator.requestCount("ListSecrets");
        JsonNode listed = ok(aws(admin, "secretsmanager", "list-secrets", "--page-size", "1",
                "--filters", "Key=tag-key,Values=AirbyteManaged", "Key=name,Values=cli/"));
        assertThat(listed.path("SecretList").findValuesAsText("Name")).containsExactlyInAnyOrder("cli/db",
                "cli/planted");
        assertThat(emulator.requestCount("ListSecrets") - listCallsBefore).isGreaterThanOrEqualTo(2);

        Instant beforeDelete = Instant.now();
        JsonNode deleted = ok(aws(admin, "secretsmanager", "delete-secret", "--secret-id", "cli/db",
                "--recovery-window-in-days", "7"));
        Instant afterDelete = Instant.now();
        Instant deletionDate = epochSeconds(deleted.path("DeletionDate"));
        assertThat(deletionDate).isBetween(beforeDelete.plus(Duration.ofDays(7)).minusSeconds(1),
                afterDelete.plus(Duration.ofDays(7)).plusSeconds(1));

        JsonNode restored = ok(aws(admin, "secretsmanager", "restore-secret", "--secret-id", "cli/db"));
        assertThat(restored.path("ARN").asText()).isEqualTo(arn);

        // What the CLI wrote is what the Java SDK reads.
        assertThat(javaSdk.getSecretValue(b -> b.secretId("cli/db")).secretString()).isEqualTo("cli-v2");
        assertThat(javaSdk.getSecretValue(b -> b.secretId("cli/db").versionStage("AWSPREVIOUS")).secretString())
                .isEqualTo("cli-v1");
        assertThat(javaSdk.describeSecret(b -> b.secretId("cli/db")).deletedDate()).isNull();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void awsCliAssumesARoleWithExternalIdAndCallsWithTheSession() throws Exception {
        requireAwsCli();
        emulator.plantSecret(SecretSeed.builder("cli/partner-db").secretString("for-partner")
                .tag("AirbyteManaged", "true").build());
        Map<String, String> alice = IsolatedAwsEnvironment.withKeys(baseEnv(), "AKIAALICE00000000001",
                "alice-secret", null);

        JsonNode assumed = ok(aws(alice, "sts", "assume-role", "--role-arn", PARTNER_ROLE,
                "--role-session-name", "cli", "--external-id", "ext-123"));
        assertThat(assumed.path("AssumedRoleUser").path("Arn").asText())
                .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/partner/cli");
        JsonNode c = assumed.path("Credentials");
        assertThat(c.path("AccessKeyId").asText()).startsWith("ASIA").hasSize(20);
        assertThat(c.path("SessionToken").asText()).isNotBlank();

        Map<String, String> session = IsolatedAwsEnvironment.withKeys(baseEnv(), c.path("AccessKeyId").asText(),
                c.path("SecretAccessKey").asText(), c.path("SessionToken").asText());
        JsonNode got = ok(aws(session, "secretsmanager", "get-secret-value", "--secret-id", "cli/partner-db"));
        assertThat(got.path("SecretString").asText()).isEqualTo("for-partner");
        assertThat(strings(got.path("VersionStages"))).containsExactly("AWSCURRENT");
    }

    // ---- boto3 ---------------------------------------------------------------------------------------------

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void boto3RunsARepresentativeFlow() throws Exception {
        requireBoto3();
        Map<String, String> env = IsolatedAwsEnvironment.withKeys(baseEnv(), DefaultIdentity.ADMIN_ACCESS_KEY_ID,
                DefaultIdentity.ADMIN_SECRET_ACCESS_KEY, null);
        env.put("EMULATOR_ENDPOINT", emulator.endpoint().toString());
        env.put("RESTRICTED_ACCESS_KEY_ID", "AKIAAUDITOR000000001");
        env.put("RESTRICTED_SECRET_ACCESS_KEY", "auditor-secret");
        Path script = MODULE.resolve("src/test/python/boto3_flow.py");
        JsonNode r = ok(run(List.of("python3", script.toString()), env, SCRIPT_TIMEOUT));
        System.out.println("boto3 under test: " + r.path("boto3").asText() + ", botocore "
                + r.path("botocore").asText());

        String arn = r.path("create").path("ARN").asText();
        assertThat(arn).matches("arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:py/db-[A-Za-z0-9]{6}");
        assertThat(r.path("get").path("ARN").asText()).isEqualTo(arn);
        assertThat(r.path("get").path("SecretString").asText()).isEqualTo("{\"user\":\"app\",\"password\":\"v1\"}");
        assertThat(strings(r.path("get").path("VersionStages"))).containsExactly("AWSCURRENT");

        assertThat(r.path("put").path("VersionId").asText()).isEqualTo("b0705d7e-1a2b-4c3d-8e9f-0123456789ab");
        assertThat(r.path("put").path("repeatVersionId").asText()).isEqualTo("b0705d7e-1a2b-4c3d-8e9f-0123456789ab");
        assertThat(r.path("getCurrent").asText()).isEqualTo("{\"user\":\"app\",\"password\":\"v2\"}");
        assertThat(r.path("getPrevious").asText()).isEqualTo("{\"user\":\"app\",\"password\":\"v1\"}");
        JsonNode stages = r.path("describe").path("VersionIdsToStages");
        assertThat(strings(stages.path(r.path("create").path("VersionId").asText()))).containsExactly("AWSPREVIOUS");
        assertThat(strings(stages.path("b0705d7e-1a2b-4c3d-8e9f-0123456789ab"))).containsExactly("AWSCURRENT");
        assertThat(r.path("describe").path("Description").asText()).isEqualTo("boto3 flow");
        assertThat(tags(r.path("describe"))).containsExactlyEntriesOf(Map.of("team", "data"));
        assertThat(r.path("binary").asText()).isEqualTo("AAH+/w==");

        List<List<String>> pages = new ArrayList<>();
        r.path("pages").forEach(page -> pages.add(strings(page)));
        assertThat(pages).containsExactly(List.of("py/page-00", "py/page-01", "py/page-02"),
                List.of("py/page-03", "py/page-04", "py/page-05"), List.of("py/page-06"));

        assertThat(strings(r.path("batch").path("values"))).containsExactly("py/db");
        assertThat(r.path("batch").path("errors").findValuesAsText("SecretId")).containsExactly("py/missing");
        assertThat(r.path("batch").path("errors").findValuesAsText("ErrorCode"))
                .containsExactly("ResourceNotFoundException");

        assertThat(strings(r.path("restrictedList"))).containsExactly("py/db");
        assertThat(r.path("restrictedIdentity").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/auditor");
        assertError(r.path("restrictedGet"), "code", "AccessDeniedException", 400, "User: arn:aws:iam::" + ACCOUNT
                + ":user/auditor is not authorized to perform: secretsmanager:GetSecretValue on resource: " + arn
                + " because no identity-based policy allows the secretsmanager:GetSecretValue action");
        assertError(r.path("createExisting"), "code", "ResourceExistsException", 400,
                "The operation failed because the secret py/db already exists.");
        assertThat(r.path("forceDelete").path("Name").asText()).isEqualTo("py/blob");
        assertThat(r.path("forceDelete").path("hasDeletionDate").asBoolean()).isTrue();
        assertError(r.path("getDeleted"), "code", "ResourceNotFoundException", 400,
                "Secrets Manager can't find the specified secret.");

        // What boto3 wrote is what the Java SDK reads.
        assertThat(javaSdk.getSecretValue(b -> b.secretId(arn)).secretString())
                .isEqualTo("{\"user\":\"app\",\"password\":\"v2\"}");
    }

    // ---- AWS SDK for JavaScript v3 -------------------------------------------------------------------------

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // npm ci may download; it has its own bound below
    void javaScriptSdkV3RunsARepresentativeFlow() throws Exception {
        Path project = installNodeProject();
        Map<String, String> env = baseEnv();
        env.put("EMULATOR_ENDPOINT", emulator.endpoint().toString());
        env.put("ADMIN_ACCESS_KEY_ID", DefaultIdentity.ADMIN_ACCESS_KEY_ID);
        env.put("ADMIN_SECRET_ACCESS_KEY", DefaultIdentity.ADMIN_SECRET_ACCESS_KEY);
        env.put("PARTNER_USER_ACCESS_KEY_ID", "AKIAALICE00000000001");
        env.put("PARTNER_USER_SECRET_ACCESS_KEY", "alice-secret");
        env.put("PARTNER_ROLE_ARN", PARTNER_ROLE);
        env.put("PARTNER_EXTERNAL_ID", "ext-123");
        JsonNode r = ok(run(List.of("node", project.resolve("flow.mjs").toString()), env, SCRIPT_TIMEOUT));
        System.out.println("AWS SDK for JavaScript under test: client-secrets-manager "
                + r.path("clientSecretsManager").asText() + ", client-sts " + r.path("clientSts").asText() + ", node "
                + r.path("node").asText());

        String arn = r.path("create").path("ARN").asText();
        assertThat(arn).matches("arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:js/db-[A-Za-z0-9]{6}");
        assertThat(r.path("get").path("ARN").asText()).isEqualTo(arn);
        assertThat(r.path("get").path("SecretString").asText()).isEqualTo("js-v1");
        assertThat(strings(r.path("get").path("VersionStages"))).containsExactly("AWSCURRENT");
        assertThat(r.path("put").path("VersionId").asText()).isNotEqualTo(r.path("create").path("VersionId").asText());
        assertThat(strings(r.path("put").path("VersionStages"))).containsExactly("AWSCURRENT");
        assertThat(r.path("getAfterPut").asText()).isEqualTo("js-v2");
        assertThat(strings(r.path("listTagged"))).containsExactly("js/db");
        List<List<String>> pages = new ArrayList<>();
        r.path("pages").forEach(page -> pages.add(strings(page)));
        assertThat(pages).containsExactly(List.of("js/db"), List.of("js/foreign"));
        assertThat(r.path("binary").asText()).isEqualTo("AAH+/w==");
        assertThat(r.path("describe").path("createdIsDate").asBoolean()).isTrue();
        assertThat(r.path("describe").path("createdMillis").asLong())
                .isEqualTo(javaSdk.describeSecret(b -> b.secretId("js/db")).createdDate().toEpochMilli());
        assertThat(strings(r.path("describe").path("VersionIdsToStages").path(r.path("put").path("VersionId")
                .asText()))).containsExactly("AWSCURRENT");
        assertThat(strings(r.path("describe").path("VersionIdsToStages").path(r.path("create").path("VersionId")
                .asText()))).containsExactly("AWSPREVIOUS");

        assertError(r.path("badSignature"), "name", "InvalidSignatureException", 400,
                "The request signature we calculated does not match the signature you provided. Check your AWS "
                        + "Secret Access Key and signing method. Consult the service documentation for details.");
        assertError(r.path("unknownKey"), "name", "UnrecognizedClientException", 400,
                "The security token included in the request is invalid.");
        assertError(r.path("notFound"), "name", "ResourceNotFoundException", 400,
                "Secrets Manager can't find the specified secret.");

        assertError(r.path("assumeWithoutExternalId"), "name", "AccessDenied", 403, "User: arn:aws:iam::" + ACCOUNT
                + ":user/alice is not authorized to perform: sts:AssumeRole on resource: " + PARTNER_ROLE);
        String session = "arn:aws:sts::" + ACCOUNT + ":assumed-role/partner/js";
        assertThat(r.path("assumed").path("AssumedRoleUser").asText()).isEqualTo(session);
        assertThat(r.path("assumed").path("accessKeyPrefix").asText()).isEqualTo("ASIA");
        assertThat(r.path("sessionIdentity").asText()).isEqualTo(session);
        assertThat(r.path("sessionGetTagged").asText()).isEqualTo("js-v2");
        String foreign = javaSdk.describeSecret(b -> b.secretId("js/foreign")).arn();
        assertError(r.path("sessionGetForeign"), "name", "AccessDeniedException", 400, "User: " + session
                + " is not authorized to perform: secretsmanager:GetSecretValue on resource: " + foreign
                + " because no identity-based policy allows the secretsmanager:GetSecretValue action");
    }

    @Test
    void committedNodeLockfilePinsVersionsWithoutRegistryUrls() throws IOException {
        Path source = MODULE.resolve("src/test/node");
        String lock = Files.readString(source.resolve("package-lock.json"));
        assertThat(lock).doesNotContain("://");
        assertThat(NodeLockfile.read(source.resolve("package-lock.json")).resolvedFields()).isEmpty();
        JsonNode packages = JSON.readTree(lock).path("packages");
        assertThat(packages.path("node_modules/@aws-sdk/client-secrets-manager").path("integrity").asText())
                .startsWith("sha512-");
        assertThat(Files.readAllLines(source.resolve(".npmrc"))).contains("omit-lockfile-registry-resolved=true");
        assertThat(source.resolve("node_modules")).doesNotExist();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private Map<String, String> baseEnv() {
        return IsolatedAwsEnvironment.create(scratch.resolve("home"), REGION);
    }

    private Result run(List<String> command, Map<String, String> env, Duration timeout) {
        Result result = ChildProcess.command(command).environment(env).workingDirectory(scratch)
                .outputDirectory(scratch).timeout(timeout).run();
        if (!result.started()) {
            throw new AssertionError(result.describe()); // the probe found it a moment ago
        }
        return result;
    }

    /** A client's version probe: it may be missing (not started), which the caller reports as a skip. */
    private Result probe(String... command) {
        return ChildProcess.command(command).environment(baseEnv()).workingDirectory(scratch)
                .outputDirectory(scratch).timeout(PROBE_TIMEOUT).run();
    }

    private Result aws(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", emulator.endpoint().toString(),
                "--output", "json"));
        if (!cliVersion.startsWith("aws-cli/1.")) {
            command.add("--no-cli-pager"); // CLI v1 has no pager and rejects the option
        }
        command.addAll(List.of(args));
        return run(command, env, CALL_TIMEOUT);
    }

    /** The CLI's error contract: its service-error exit code and one stderr line naming code and operation. */
    private static void assertServiceError(Result o, String code, String operation, String message) {
        // v1 exits 255 on every error; v2 exits 254 when the service answered with an error.
        int expectedExit = cliVersion.startsWith("aws-cli/1.") ? 255 : 254;
        assertThat(o.timedOut()).as(o.describe()).isFalse();
        assertThat(o.exitCode()).as(o.describe()).isEqualTo(expectedExit);
        assertThat(o.stdout()).isBlank();
        assertThat(o.stderr()).contains("An error occurred (" + code + ") when calling the " + operation
                + " operation").contains(": " + message);
    }

    private static JsonNode ok(Result o) throws IOException {
        assertThat(o.timedOut()).as(o.describe()).isFalse();
        assertThat(o.exitCode()).as(o.describe()).isZero();
        return JSON.readTree(o.stdout());
    }

    private static void assertError(JsonNode error, String codeField, String code, int status, String message) {
        assertThat(error.isObject()).as("expected %s, the call succeeded", code).isTrue();
        assertThat(error.path(codeField).asText()).isEqualTo(code);
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("message").asText()).isEqualTo(message);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Map<String, String> tags(JsonNode secret) {
        Map<String, String> tags = new HashMap<>();
        secret.path("Tags").forEach(t -> tags.put(t.path("Key").asText(), t.path("Value").asText()));
        return tags;
    }

    private static Instant epochSeconds(JsonNode value) {
        return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
    }

    // ---- availability: a missing client is a skip with its reason, never a pass ----------------------------

    private void requireAwsCli() {
        synchronized (OtherOfficialClientsTest.class) {
            if (cliVersion == null && cliUnavailable == null) {
                Result o = probe("aws", "--version");
                String printed = (o.stdout() + o.stderr()).strip();
                if (!o.succeeded() || !printed.startsWith("aws-cli/")) {
                    cliUnavailable = o.describe();
                } else {
                    cliVersion = printed;
                    System.out.println("AWS CLI under test: " + printed);
                }
            }
        }
        Assumptions.assumeTrue(cliVersion != null, () -> "AWS CLI not available: " + cliUnavailable);
    }

    private void requireBoto3() {
        Result o = probe("python3", "-c", "import boto3");
        Assumptions.assumeTrue(o.succeeded(), () -> "python3 with boto3 not available: " + o.describe());
    }

    /**
     * Copies the committed Node project to target/ and installs its locked dependencies there (never into src/).
     * No Node.js, no npm, or a failed install (no registry access, say) is a skip with the output's tail.
     */
    private Path installNodeProject() {
        NodeProject project = NodeProject.copyOf(MODULE.resolve("src/test/node"), MODULE.resolve("target/node-client"));
        project.installOrSkip("the AWS SDK for JavaScript", NPM_TIMEOUT);
        return project.directory();
    }
}
