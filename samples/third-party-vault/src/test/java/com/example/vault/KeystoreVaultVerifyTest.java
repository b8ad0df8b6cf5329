package com.example.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.VerificationReport;
import dev.secretstore.VerificationStep;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees from {@code secretstore verify}: a pass, or the failed step with this vault's hint. */
class KeystoreVaultVerifyTest {

    private static final String PASSWORD = "verify-test-password-3Kp9";
    private static final String WRONG_PASSWORD = "verify-wrong-password-8Zt1";

    @TempDir
    Path directory;

    private SecretStore open(String password) {
        return SecretStores.open(Map.of("provider", KeystoreVaultProvider.NAME,
                "keystoreFile", directory.resolve("vault.p12").toString(), "password", password));
    }

    @Test
    void wrongPasswordFailsTheFirstStepWithThePasswordHint() {
        try (SecretStore store = open(PASSWORD)) {
            assertThat(store.verify().passed()).isTrue();
        }

        VerificationReport report;
        try (SecretStore store = open(WRONG_PASSWORD)) {
            report = store.verify();
        }

        VerificationStep create = report.steps().get(0);
        assertThat(report.passed()).isFalse();
        assertThat(create.status()).isEqualTo(VerificationStep.Status.FAILED);
        assertThat(create.detail()).hasValueSatisfying(d -> assertThat(d).contains("authentication failed"));
        assertThat(create.remediation()).hasValueSatisfying(r -> assertThat(r).contains("keystore password is wrong"));
        assertThat(report.toString() + create.detail() + create.remediation())
                .doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
    }
}
