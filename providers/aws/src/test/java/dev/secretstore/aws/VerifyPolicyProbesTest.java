package dev.secretstore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.VerificationReport;
import dev.secretstore.VerificationStep;
import dev.secretstore.VerificationStep.Status;
import dev.secretstore.emulator.aws.DefaultIdentity;
import dev.secretstore.spi.VerificationStepKind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * verify's policy probes against the emulator: the policy the old documentation showed (ForAllValues on the
 * resource tag) draws warnings naming the missing conditions; the policy we print is clean. Either way nothing
 * verify created is left behind.
 */
class VerifyPolicyProbesTest {

    private static EmulatedAccount account;

    @BeforeAll
    static void start() {
        account = EmulatedAccount.start();
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    private static VerificationReport verify(String key, String secret) {
        try (SecretStore store = SecretStores.open(account.accessKeyConfig(key, secret))) {
            return store.verify();
        }
    }

    private static List<VerificationStep> storeChecks(VerificationReport report) {
        return report.steps().stream().filter(s -> s.kind() == VerificationStepKind.STORE_CHECK)
                .collect(Collectors.toList());
    }

    private static List<String> allSecretNames() {
        try (SecretsManagerClient admin = SecretsManagerClient.builder().endpointOverride(account.emulator.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials
                        .create(DefaultIdentity.ADMIN_ACCESS_KEY_ID, DefaultIdentity.ADMIN_SECRET_ACCESS_KEY)))
                .build()) {
            return admin.listSecretsPaginator(r -> r.includePlannedDeletion(true)).stream()
                    .flatMap(page -> page.secretList().stream()).map(e -> e.name()).collect(Collectors.toList());
        }
    }

    @Test
    @DisplayName("the weak documented policy: verify passes with a warning naming the missing aws:RequestTag condition")
    void weakPolicyWarns() {
        VerificationReport report = verify(EmulatedAccount.WEAK_KEY, EmulatedAccount.WEAK_SECRET);

        assertThat(report.passed()).as(report.toString()).isTrue();
        List<VerificationStep> checks = storeChecks(report);
        assertThat(checks).extracting(VerificationStep::name).containsExactly(
                "policy: create refused without the managed tag", "policy: managed tag cannot be removed");
        VerificationStep create = checks.stream().filter(s -> s.name().contains("create refused")).findFirst()
                .orElseThrow();
        assertThat(create.status()).isEqualTo(Status.WARNING);
        assertThat(create.remediation()).get().asString().contains("aws:RequestTag/AirbyteManaged")
                .contains("ForAllValues");
        // The weak policy does not grant UntagResource at all, so that probe is refused there too.
        assertThat(checks.get(1).status()).isEqualTo(Status.PASSED);
        assertThat(allSecretNames()).as("verify leaves nothing behind").isEmpty();
    }

    @Test
    @DisplayName("the printed policy: every probe is refused, verify is clean and names the test secret's ARN")
    void printedPolicyIsClean() {
        VerificationReport report = verify(EmulatedAccount.APP_KEY, EmulatedAccount.APP_SECRET);

        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.steps()).as(report.toString()).allMatch(s -> s.status() == Status.PASSED);
        assertThat(storeChecks(report)).hasSize(2);
        VerificationStep create = report.steps().get(0);
        assertThat(create.detail()).get().asString().contains("arn:aws:secretsmanager:us-east-1:123456789012:secret:");
        assertThat(allSecretNames()).as("verify leaves nothing behind").isEmpty();
    }

    @Test
    @DisplayName("a policy allowing everything: both probes warn, the managed tag is put back, nothing is left behind")
    void unrestrictedPolicyWarnsOnBothProbes() {
        VerificationReport report = verify(DefaultIdentity.ADMIN_ACCESS_KEY_ID, DefaultIdentity.ADMIN_SECRET_ACCESS_KEY);

        assertThat(report.passed()).as(report.toString()).isTrue();
        List<VerificationStep> checks = storeChecks(report);
        assertThat(checks).as(report.toString()).extracting(VerificationStep::status)
                .containsExactly(Status.WARNING, Status.WARNING);
        VerificationStep untag = checks.get(1);
        assertThat(untag.detail()).get().asString().contains("may remove AirbyteManaged")
                .contains("tag was put back");
        assertThat(untag.remediation()).get().asString().contains("secretsmanager:UntagResource")
                .contains("aws:TagKeys");
        assertThat(allSecretNames()).as("verify leaves nothing behind").isEmpty();
    }
}
