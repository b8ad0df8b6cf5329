package dev.secretstore;

import dev.secretstore.spi.VerificationStepKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a {@link VerificationReport}: a step, its outcome, how long it took, and for a failure
 * a remediation hint.
 */
public final class VerificationStep {

    /** Outcome of a step. */
    public enum Status {
        /** The step succeeded. */
        PASSED,
        /** The step failed. */
        FAILED,
        /** The step did not succeed but this does not fail the verification (e.g. cleanup denied). */
        WARNING,
        /** The step was not run, because an earlier required step failed or the options said so. */
        SKIPPED
    }

    private final VerificationStepKind kind;
    private final Status status;
    private final Duration duration;
    private final String detail;
    private final String remediation;
    private final boolean required;

    /**
     * @param kind        the step
     * @param status      outcome
     * @param duration    time taken
     * @param detail      what happened, may be {@code null}; never a value
     * @param remediation how to fix a failure, may be {@code null}
     * @param required    whether a failure fails the verification
     */
    public VerificationStep(VerificationStepKind kind, Status status, Duration duration, String detail,
                            String remediation, boolean required) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = Objects.requireNonNull(status, "status");
        this.duration = Objects.requireNonNull(duration, "duration");
        this.detail = detail;
        this.remediation = remediation;
        this.required = required;
    }

    /** @return the step kind */
    public VerificationStepKind kind() {
        return kind;
    }

    /** @return the name, e.g. "create test secret" */
    public String name() {
        return kind.displayName();
    }

    /** @return the outcome */
    public Status status() {
        return status;
    }

    /** @return time taken ({@link Duration#ZERO} when skipped) */
    public Duration duration() {
        return duration;
    }

    /** @return what happened */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** @return how to fix a failure */
    public Optional<String> remediation() {
        return Optional.ofNullable(remediation);
    }

    /** @return whether a failure of this step fails the verification */
    public boolean required() {
        return required;
    }

    /** @return one line: status, name, duration, detail and remediation */
    @Override
    public String toString() {
        return String.format("%-7s %-20s %6d ms%s%s", status, name(), duration.toMillis(),
                detail == null ? "" : "  " + detail, remediation == null ? "" : "  Remediation: " + remediation);
    }
}
