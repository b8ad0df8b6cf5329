package dev.secretstore;

import dev.secretstore.spi.VerificationStepKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a {@link VerificationReport}: a step, its outcome, how long it took, and for a failure
 * a remediation hint and the {@linkplain #failureKind() kind of failure}.
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

    /**
     * What kind of failure made a step fail (or warn), so that callers can act on the cause, e.g. choose
     * an exit code or decide whether a retry may help, without parsing {@link #detail()}. It is only a
     * classification: it holds no message, no exception and nothing the store said, so it can never
     * carry a secret value or a credential.
     *
     * <p>Later versions may add constants; a {@code switch} over this type should have a default branch.
     */
    public enum FailureKind {
        /**
         * The step's own check failed while the store reported no error: the value read back differed
         * from the one written, or the managed tag was missing.
         */
        CHECK_FAILED,
        /** {@link AccessDeniedException}: the identity lacks a permission. Not transient. */
        ACCESS_DENIED,
        /** {@link AuthenticationFailedException}: bad, expired or rejected credentials. Not transient. */
        AUTHENTICATION_FAILED,
        /** {@link StoreUnavailableException} (other than throttling): unreachable or failing; transient. */
        UNAVAILABLE,
        /** {@link ThrottledException}: the store asked the caller to slow down; transient. */
        THROTTLED,
        /** {@link SecretNotFoundException}: the test secret was not there when expected. */
        NOT_FOUND,
        /** {@link SecretAlreadyExistsException}: a secret with the test name already existed. */
        ALREADY_EXISTS,
        /** {@link NotManagedException}: a secret with the test name exists without the managed tag. */
        NOT_MANAGED,
        /** {@link InvalidRequestException} and its subtypes: the store rejected the request's input. */
        INVALID_REQUEST,
        /** {@link InvalidConfigException}: the store found its config wrong only when it was used. */
        INVALID_CONFIG,
        /** {@link UnsupportedCapabilityException}: the store cannot do what the step needs. */
        UNSUPPORTED_CAPABILITY,
        /** {@link SecretIntegrityException}: stored data was damaged, foreign or rolled back. Not transient. */
        INTEGRITY,
        /** Any other {@link SecretStoreException}, including unexpected errors the engine wrapped. */
        OTHER;

        /**
         * @param failure what a store operation threw
         * @return its kind; the most specific type wins ({@link ThrottledException} is {@link #THROTTLED},
         *         not {@link #UNAVAILABLE}), and subclasses a provider defines map like their parent
         */
        public static FailureKind of(SecretStoreException failure) {
            Objects.requireNonNull(failure, "failure");
            if (failure instanceof AccessDeniedException) {
                return ACCESS_DENIED;
            }
            if (failure instanceof AuthenticationFailedException) {
                return AUTHENTICATION_FAILED;
            }
            if (failure instanceof ThrottledException) {
                return THROTTLED;
            }
            if (failure instanceof StoreUnavailableException) {
                return UNAVAILABLE;
            }
            if (failure instanceof SecretNotFoundException) {
                return NOT_FOUND;
            }
            if (failure instanceof SecretAlreadyExistsException) {
                return ALREADY_EXISTS;
            }
            if (failure instanceof NotManagedException) {
                return NOT_MANAGED;
            }
            if (failure instanceof InvalidRequestException) {
                return INVALID_REQUEST;
            }
            if (failure instanceof InvalidConfigException) {
                return INVALID_CONFIG;
            }
            if (failure instanceof UnsupportedCapabilityException) {
                return UNSUPPORTED_CAPABILITY;
            }
            if (failure instanceof SecretIntegrityException) {
                return INTEGRITY;
            }
            return OTHER;
        }
    }

    private final VerificationStepKind kind;
    private final String name;
    private final Status status;
    private final Duration duration;
    private final String detail;
    private final String remediation;
    private final boolean required;
    private final FailureKind failureKind;

    /**
     * A step without a {@linkplain #failureKind() failure kind}.
     *
     * @param kind        the step
     * @param status      outcome
     * @param duration    time taken
     * @param detail      what happened, may be {@code null}; never a value
     * @param remediation how to fix a failure, may be {@code null}
     * @param required    whether a failure fails the verification
     */
    public VerificationStep(VerificationStepKind kind, Status status, Duration duration, String detail,
                            String remediation, boolean required) {
        this(kind, status, duration, detail, remediation, required, null);
    }

    /**
     * @param kind        the step
     * @param status      outcome
     * @param duration    time taken
     * @param detail      what happened, may be {@code null}; never a value
     * @param remediation how to fix a failure, may be {@code null}
     * @param required    whether a failure fails the verification
     * @param failureKind why the step failed or warned; {@code null} when unknown or when it did neither
     * @throws IllegalArgumentException if a failure kind is given for a {@link Status#PASSED} or
     *                                  {@link Status#SKIPPED} step
     */
    public VerificationStep(VerificationStepKind kind, Status status, Duration duration, String detail,
                            String remediation, boolean required, FailureKind failureKind) {
        this(kind, Objects.requireNonNull(kind, "kind").displayName(), status, duration, detail, remediation, required, failureKind);
    }

    private VerificationStep(VerificationStepKind kind, String name, Status status, Duration duration, String detail,
                             String remediation, boolean required, FailureKind failureKind) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
        this.status = Objects.requireNonNull(status, "status");
        this.duration = Objects.requireNonNull(duration, "duration");
        this.detail = detail;
        this.remediation = remediation;
        this.required = required;
        if (failureKind != null && status != Status.FAILED && status != Status.WARNING) {
            throw new IllegalArgumentException("a failure kind (" + failureKind + ") belongs only to a FAILED or "
                    + "WARNING step, not to a " + status + " one");
        }
        this.failureKind = failureKind;
    }

    /**
     * A store-specific check ({@link VerificationStepKind#STORE_CHECK}) that does not fail the verification:
     * a finding is a {@link Status#WARNING}, a clean result {@link Status#PASSED}.
     *
     * <pre>{@code
     * VerificationStep.storeCheck("probe: create without the managed tag", Status.WARNING, took,
     *         "allowed: the policy does not require aws:RequestTag/AirbyteManaged on CreateSecret",
     *         "add the aws:RequestTag condition shown by 'secretstore policy aws'", FailureKind.CHECK_FAILED);
     * }</pre>
     *
     * @param name        the check's name in reports, e.g. "probe: untag the managed tag"
     * @param status      {@link Status#PASSED}, {@link Status#WARNING} or {@link Status#SKIPPED}
     * @param duration    time taken
     * @param detail      what was found, never a value or a credential
     * @param remediation how to fix a finding, may be {@code null}
     * @param failureKind why it warned, {@code null} unless {@code status} is {@link Status#WARNING}
     * @return the step, not required
     * @throws IllegalArgumentException for {@link Status#FAILED}: a store check never fails the verification
     */
    public static VerificationStep storeCheck(String name, Status status, Duration duration, String detail,
                                              String remediation, FailureKind failureKind) {
        if (status == Status.FAILED) {
            throw new IllegalArgumentException("a store check reports a finding as WARNING, not FAILED");
        }
        return new VerificationStep(VerificationStepKind.STORE_CHECK, name, status, duration, detail, remediation,
                false, failureKind);
    }

    /** @return the step kind */
    public VerificationStepKind kind() {
        return kind;
    }

    /** @return the name, e.g. "create test secret" */
    public String name() {
        return name;
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

    /**
     * Why the step failed or warned: the kind of the store's exception, or {@link FailureKind#CHECK_FAILED}
     * when the step's own comparison failed. The engine's verification sets it on every
     * {@link Status#FAILED} and {@link Status#WARNING} step; it is empty for passed and skipped steps, and
     * for steps built with the constructor that takes no failure kind.
     *
     * @return the kind of failure, if the step failed or warned and the kind is known
     */
    public Optional<FailureKind> failureKind() {
        return Optional.ofNullable(failureKind);
    }

    /** @return one line: status, name, duration, detail and remediation */
    @Override
    public String toString() {
        return String.format("%-7s %-20s %6d ms%s%s", status, name(), duration.toMillis(),
                detail == null ? "" : "  " + detail, remediation == null ? "" : "  Remediation: " + remediation);
    }
}
