package dev.secretstore.emulator.aws;

import static dev.secretstore.emulator.aws.AwsErrors.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;

/**
 * STS AssumeRoleWithWebIdentity as IRSA uses it: an unsigned request carrying an OIDC token of a registered
 * provider, checked against the role's trust policy ({@code Federated} principal, {@code <issuer>:sub} and
 * {@code <issuer>:aud} conditions).
 */
class AssumeRoleWithWebIdentityTest {
    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/irsa";
    private static final String AUDIENCE = "sts.amazonaws.com";
    private static final String SUBJECT = "system:serviceaccount:data:secretstore";
    private static final WebIdentityIssuer ISSUER = WebIdentityIssuer.create("https://oidc.example.test/id/CLUSTER1");
    private static final String HOST_PATH = "oidc.example.test/id/CLUSTER1";

    private static AwsSecretsManagerEmulator emulator;
    private static StsClient sts;

    @BeforeAll
    static void start() {
        String state = """
                {"accounts": [{"id": "123456789012",
                  "oidcProviders": [%s],
                  "roles": [{"name": "irsa",
                     "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                       "Principal": {"Federated": "%s"}, "Action": "sts:AssumeRoleWithWebIdentity",
                       "Condition": {"StringEquals": {"%s:sub": "%s", "%s:aud": "%s"}}}]},
                     "policies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                       "Action": "secretsmanager:ListSecrets", "Resource": "*"}]}]}],
                  "secrets": []}]}
                """.formatted(ISSUER.stateEntry(AUDIENCE), ISSUER.providerArn(ACCOUNT), HOST_PATH, SUBJECT,
                HOST_PATH, AUDIENCE);
        emulator = AwsSecretsManagerEmulator.builder().state(state).build().start();
        // The SDK's web identity provider calls STS anonymously: the token is the credential.
        sts = Clients.sts(emulator.endpoint(), AnonymousCredentialsProvider.create());
    }

    @AfterAll
    static void stop() {
        sts.close();
        emulator.stop();
    }

    private static AssumeRoleWithWebIdentityRequest request(String token) {
        return AssumeRoleWithWebIdentityRequest.builder().roleArn(ROLE).roleSessionName("pod-1")
                .webIdentityToken(token).build();
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    @Test
    void aValidTokenGetsWorkingRoleCredentials() {
        AssumeRoleWithWebIdentityResponse r =
                sts.assumeRoleWithWebIdentity(request(ISSUER.token(SUBJECT, AUDIENCE, inAnHour())));

        assertThat(r.subjectFromWebIdentityToken()).isEqualTo(SUBJECT);
        assertThat(r.audience()).isEqualTo(AUDIENCE);
        assertThat(r.provider()).isEqualTo(ISSUER.providerArn(ACCOUNT));
        assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/irsa/pod-1");
        assertThat(r.credentials().accessKeyId()).startsWith("ASIA");
        assertThat(r.credentials().expiration()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        try (SecretsManagerClient sm = Clients.secretsManager(emulator.endpoint(), Clients.session(r.credentials()))) {
            assertThat(sm.listSecrets().secretList()).isEmpty();
        }
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        expectError(() -> sts.assumeRoleWithWebIdentity(request(ISSUER.forgedToken(SUBJECT, AUDIENCE, inAnHour()))),
                "InvalidIdentityToken", 400, "Couldn't verify the ID token signature.");
    }

    @Test
    void anExpiredTokenIsRefused() {
        expectError(() -> sts.assumeRoleWithWebIdentity(
                request(ISSUER.token(SUBJECT, AUDIENCE, Instant.now().minusSeconds(60)))),
                "ExpiredTokenException", 400, null);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        expectError(() -> sts.assumeRoleWithWebIdentity(request(ISSUER.token(SUBJECT, "someone-else", inAnHour()))),
                "InvalidIdentityToken", 400, "Incorrect token audience");
    }

    @Test
    void aSubjectTheTrustPolicyDoesNotNameIsDenied() {
        expectError(() -> sts.assumeRoleWithWebIdentity(
                request(ISSUER.token("system:serviceaccount:data:other", AUDIENCE, inAnHour()))),
                "AccessDenied", 403, "Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    @Test
    void aTokenOfAnUnregisteredIssuerIsRefused() {
        WebIdentityIssuer stranger = WebIdentityIssuer.create("https://oidc.example.test/id/OTHER");
        expectError(() -> sts.assumeRoleWithWebIdentity(request(stranger.token(SUBJECT, AUDIENCE, inAnHour()))),
                "InvalidIdentityToken", 400,
                "No OpenIDConnect provider found in your account for https://oidc.example.test/id/OTHER");
    }

    @Test
    void somethingThatIsNotAJwtIsRefused() {
        expectError(() -> sts.assumeRoleWithWebIdentity(request("not-a-token")),
                "InvalidIdentityToken", 400, "The ID token provided is not a valid JWT.");
    }
}
