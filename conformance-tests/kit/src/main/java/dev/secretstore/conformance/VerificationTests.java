package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.VerificationReport;
import dev.secretstore.VerificationStep;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group 5d: the documented verification passes where everything is allowed and explains what is not. */
abstract class VerificationTests extends ConformanceGroup {

    @Test
    @DisplayName("verify on the privileged store passes every required step")
    void verifyPassesOnAHealthyStore() {
        VerificationReport report = store().verify();

        assertThat(report.passed()).as("report passed: %s", report).isTrue();
        assertThat(report.steps()).isNotEmpty();
        assertThat(report.steps()).filteredOn(VerificationStep::required)
                .allSatisfy(step -> assertThat(step.status()).as("status of '%s'", step.name())
                        .isEqualTo(VerificationStep.Status.PASSED));
    }

    @Test
    @DisplayName("verify on the read-only store fails, and the failed step carries a remediation hint")
    void verifyFailsOnAReadOnlyStoreWithARemedy() {
        VerificationReport report = readOnlyStore().verify();

        assertThat(report.passed()).isFalse();
        assertThat(report.steps()).filteredOn(step -> step.status() == VerificationStep.Status.FAILED)
                .isNotEmpty()
                .allSatisfy(step -> assertThat(step.remediation()).as("remediation of '%s'", step.name())
                        .hasValueSatisfying(hint -> assertThat(hint).isNotBlank()));
        LeakDetector.forbidding("credential", fixture().credentialValues()).assertAbsentFrom(report);
    }
}
