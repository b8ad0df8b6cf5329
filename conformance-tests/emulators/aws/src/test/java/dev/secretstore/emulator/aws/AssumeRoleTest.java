package dev.secretstore.emulator.aws;

import static dev.secretstore.emulator.aws.AwsErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS AssumeRole over the Query protocol: trust policies, ExternalId, durations and expiring sessions. */
class AssumeRoleTest {
    private static final String ACCOUNT = "123456789012";
    private static final String READER = "arn:aws:iam::" + ACCOUNT + ":role/reader";
    private static final String PARTNER = "arn:aws:iam::" + ACCOUNT + ":role/partner";
    static final String STATE = """
            {"accounts": [{"id": "123456789012",
              "users": [
                {"name": "alice", "accessKeys": [{"accessKeyId": "AKIAALICE00000000001", "secretAccessKey": "alice-secret"}],
                 "policies": [{"Version": "2012-10-17", "Statement": [
                   {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}]},
                {"name": "mallory", "accessKeys": [{"accessKeyId": "AKIAMALLORY000000001", "secretAccessKey": "mallory-secret"}],
                 "policies": [{"Version": "2012-10-17", "Statement": [
                   {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}]},
                {"name": "bob", "accessKeys": [{"accessKeyId": "AKIABOB0000000000001", "secretAccessKey": "bob-secret"}]}
              ],
              "roles": [
                {"name": "reader",
                 "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Principal": {"AWS": "arn:aws:iam::123456789012:user/alice"}, "Action": "sts:AssumeRole"}]},
                 "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], "Resource": "*"}]}]},
                {"name": "partner",
                 "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole",
                   "Condition": {"StringEquals": {"sts:ExternalId": "ext-123"}}}]},
                 "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Action": ["secretsmanager:GetSecretValue", "secretsmanager:CreateSecret",
                              "secretsmanager:ListSecrets", "secretsmanager:DescribeSecret",
                              "secretsmanager:TagResource", "secretsmanager:UpdateSecret"],
                   "Resource": "*",
                   "Condition": {"ForAllValues:StringEquals": {"secretsmanager:ResourceTag/AirbyteManaged": "true"}}}]}]}
              ],
              "secrets": [{"name": "shared/db", "secretString": "s3cr3t", "tags": {"AirbyteManaged": "true"}},
                          {"name": "shared/legacy", "secretString": "old"},
                          {"name": "shared/foreign", "secretString": "f", "tags": {"AirbyteManaged": "false"}}]
            }]}
            """;

    private static AwsSecretsManagerEmulator emulator;
    private static StsClient alice;

    @BeforeAll
    static void start() {
        emulator = AwsSecretsManagerEmulator.builder().state(STATE).build().start();
        alice = Clients.sts(emulator.endpoint(), Clients.keys("AKIAALICE00000000001", "alice-secret"));
    }

    @AfterAll
    static void stop() {
        alice.close();
        emulator.stop();
    }

    private static String denial(String who, String role) {
        return "User: arn:aws:iam::" + ACCOUNT + ":user/" + who + " is not authorized to perform: sts:AssumeRole on "
                + "resource: " + role;
    }

    @Test
    void assumeRoleWithoutExternalIdReturnsWorkingSessionCredentials() {
        Instant before = Instant.now();
        AssumeRoleResponse r = alice.assumeRole(b -> b.roleArn(READER).roleSessionName("s1"));
        Credentials c = r.credentials();
        assertThat(c.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(c.sessionToken()).isNotBlank();
        assertThat(c.expiration()).isBetween(before.plusSeconds(3590), before.plusSeconds(3660));
        assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/reader/s1");
        assertThat(r.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z0-9]{16}:s1");

        try (SecretsManagerClient sm = Clients.secretsManager(emulator.endpoint(), Clients.session(c));
             StsClient sts = Clients.sts(emulator.endpoint(), Clients.session(c))) {
            assertThat(sm.getSecretValue(b -> b.secretId("shared/db")).secretString()).isEqualTo("s3cr3t");
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/reader/s1");
            assertThat(me.account()).isEqualTo(ACCOUNT);
            String arn = sm.describeSecret(b -> b.secretId("shared/db")).arn();
            expectError(() -> sm.putSecretValue(b -> b.secretId("shared/db").secretString("x")),
                    "AccessDeniedException", 400, "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/reader/s1 is not "
                            + "authorized to perform: secretsmanager:PutSecretValue on resource: " + arn
                            + " because no identity-based policy allows the secretsmanager:PutSecretValue action");
        }
    }

    @Test
    void aSessionPolicyNarrowsTheRoleAndDenialsNameIt() {
        String policy = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"},
                  {"Effect": "Deny", "Action": "secretsmanager:GetSecretValue", "Resource": "*",
                   "Condition": {"StringEquals": {"secretsmanager:ResourceTag/AirbyteManaged": "true"}}}]}
                """;
        Credentials c = alice.assumeRole(b -> b.roleArn(READER).roleSessionName("narrow").policy(policy))
                .credentials();
        String who = "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/reader/narrow is not authorized to perform: ";
        try (SecretsManagerClient sm = Clients.secretsManager(emulator.endpoint(), Clients.session(c))) {
            assertThat(sm.getSecretValue(b -> b.secretId("shared/legacy")).secretString()).isEqualTo("old");
            String managed = sm.describeSecret(b -> b.secretId("shared/db")).arn();
            expectError(() -> sm.getSecretValue(b -> b.secretId("shared/db")), "AccessDeniedException", 400,
                    who + "secretsmanager:GetSecretValue on resource: " + managed
                            + " with an explicit deny in a session policy");
            // The session policy allows everything else, but the role itself does not allow PutSecretValue.
            expectError(() -> sm.putSecretValue(b -> b.secretId("shared/legacy").secretString("x")),
                    "AccessDeniedException", 400, null);
        }
        Credentials d = alice.assumeRole(b -> b.roleArn(READER).roleSessionName("describe-only").policy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "secretsmanager:DescribeSecret", "Resource": "*"}]}
                """)).credentials();
        try (SecretsManagerClient sm = Clients.secretsManager(emulator.endpoint(), Clients.session(d))) {
            String legacy = sm.describeSecret(b -> b.secretId("shared/legacy")).arn();
            expectError(() -> sm.getSecretValue(b -> b.secretId("shared/legacy")), "AccessDeniedException", 400,
                    "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/reader/describe-only is not authorized to "
                            + "perform: secretsmanager:GetSecretValue on resource: " + legacy
                            + " because no session policy allows the secretsmanager:GetSecretValue action");
        }
    }

    @Test
    void trustPolicyThatDoesNotNameTheCallerRefuses() {
        try (StsClient mallory = Clients.sts(emulator.endpoint(),
                Clients.keys("AKIAMALLORY000000001", "mallory-secret"))) {
            expectError(() -> mallory.assumeRole(b -> b.roleArn(READER).roleSessionName("s2")), "AccessDenied", 403,
                    denial("mallory", READER));
        }
        expectError(() -> alice.assumeRole(b -> b.roleArn("arn:aws:iam::" + ACCOUNT + ":role/nope")
                .roleSessionName("s2")), "AccessDenied", 403, denial("alice", "arn:aws:iam::" + ACCOUNT + ":role/nope"));
    }

    @Test
    void externalIdMustMatchTheTrustPolicyCondition() {
        AssumeRoleResponse ok = alice.assumeRole(b -> b.roleArn(PARTNER).roleSessionName("px").externalId("ext-123"));
        assertThat(ok.assumedRoleUser().arn()).endsWith(":assumed-role/partner/px");

        expectError(() -> alice.assumeRole(b -> b.roleArn(PARTNER).roleSessionName("px")), "AccessDenied", 403,
                denial("alice", PARTNER));
        expectError(() -> alice.assumeRole(b -> b.roleArn(PARTNER).roleSessionName("px").externalId("wrong-id")),
                "AccessDenied", 403, denial("alice", PARTNER));
    }

    @Test
    void accountTrustAlsoNeedsTheCallersOwnPermission() {
        try (StsClient bob = Clients.sts(emulator.endpoint(), Clients.keys("AKIABOB0000000000001", "bob-secret"))) {
            expectError(() -> bob.assumeRole(b -> b.roleArn(PARTNER).roleSessionName("bx").externalId("ext-123")),
                    "AccessDenied", 403, denial("bob", PARTNER));
        }
    }

    @Test
    void durationIsBoundedByTheRoleAndTheApi() {
        expectError(() -> alice.assumeRole(b -> b.roleArn(READER).roleSessionName("dx").durationSeconds(7200)),
                "ValidationError", 400, "The requested DurationSeconds exceeds the MaxSessionDuration set for this "
                        + "role.");
        expectError(() -> alice.assumeRole(b -> b.roleArn(READER).roleSessionName("dx").durationSeconds(899)),
                "ValidationError", 400, "1 validation error detected: Value '899' at 'durationSeconds' failed to "
                        + "satisfy constraint: Member must have value greater than or equal to 900");
        expectError(() -> alice.assumeRole(b -> b.roleArn(READER).roleSessionName("bad name")),
                "ValidationError", 400, null);
    }

    @Test
    void stsActionsOutsideTheEmulatorAreInvalidAction() {
        expectError(alice::getSessionToken, "InvalidAction", 400,
                "Could not find operation GetSessionToken for version 2011-06-15");
    }

    @Test
    void sessionCredentialsExpire() {
        Credentials c = alice.assumeRole(b -> b.roleArn(READER).roleSessionName("short").durationSeconds(900))
                .credentials();
        try (SecretsManagerClient sm = Clients.secretsManager(emulator.endpoint(), Clients.session(c));
             StsClient sts = Clients.sts(emulator.endpoint(), Clients.session(c))) {
            assertThat(sm.getSecretValue(b -> b.secretId("shared/db")).secretString()).isEqualTo("s3cr3t");
            emulator.advanceClock(Duration.ofMinutes(16));
            try {
                expectError(() -> sm.getSecretValue(b -> b.secretId("shared/db")), "ExpiredTokenException", 400,
                        "The security token included in the request is expired");
                expectError(sts::getCallerIdentity, "ExpiredToken", 403,
                        "The security token included in the request is expired");
            } finally {
                emulator.advanceClock(Duration.ofMinutes(-16));
                SdkGlobalTime.setGlobalTimeOffset(0);
            }
        }
    }

    @Test
    void sdkCredentialsProviderAssumesTheRoleByItself() {
        try (StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(alice)
                .refreshRequest(b -> b.roleArn(PARTNER).roleSessionName("provider").externalId("ext-123"))
                .build();
             SecretsManagerClient sm = Clients.secretsManager(emulator.endpoint(), provider)) {
            assertThat(sm.getSecretValue(b -> b.secretId("shared/db")).secretString()).isEqualTo("s3cr3t");
            assertThat(emulator.requestCount("AssumeRole")).isPositive();
            // The product's documented policy, held by a role: untagged secrets stay readable, foreign ones not,
            // and nothing may be deleted.
            assertThat(sm.getSecretValue(b -> b.secretId("shared/legacy")).secretString()).isEqualTo("old");
            expectError(() -> sm.getSecretValue(b -> b.secretId("shared/foreign")), "AccessDeniedException", 400,
                    null);
            var e = expectError(() -> sm.deleteSecret(b -> b.secretId("shared/legacy")), "AccessDeniedException",
                    400, null);
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:sts::" + ACCOUNT
                    + ":assumed-role/partner/provider is not authorized to perform: secretsmanager:DeleteSecret");
        }
    }
}
