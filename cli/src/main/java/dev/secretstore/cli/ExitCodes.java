package dev.secretstore.cli;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.NoSuchProviderException;
import dev.secretstore.SecretIntegrityException;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.UnsupportedCapabilityException;
import dev.secretstore.VerificationReport;
import dev.secretstore.VerificationStep;

/** The documented exit codes (README, {@code secretstore --help}); scripts depend on them, so they never change. */
public final class ExitCodes {

    /** Everything worked; for checks, every required step passed. */
    public static final int OK = 0;
    /** A check failed, or the store refused the operation (not found, already exists, not managed). */
    public static final int CHECK_FAILED = 1;
    /** Bad command line or bad config: nothing was attempted. */
    public static final int USAGE_OR_CONFIG = 2;
    /** Access denied or authentication failed: fix the permissions or the credentials. */
    public static final int ACCESS_DENIED = 3;
    /** The store is unavailable or throttling: try again later. */
    public static final int UNAVAILABLE = 4;
    /** Stored data failed its integrity check (damaged, foreign or rolled back); other secrets are unaffected. */
    public static final int INTEGRITY = 5;

    private ExitCodes() {
    }

    /**
     * @param failure what a command threw
     * @return its exit code
     */
    public static int of(Throwable failure) {
        if (failure instanceof InvalidConfigException
                || failure instanceof NoSuchProviderException
                || failure instanceof InvalidRequestException
                || failure instanceof UnsupportedCapabilityException
                || failure instanceof UsageException) {
            return USAGE_OR_CONFIG;
        }
        if (failure instanceof AccessDeniedException || failure instanceof AuthenticationFailedException) {
            return ACCESS_DENIED;
        }
        if (failure instanceof StoreUnavailableException) {
            return UNAVAILABLE;
        }
        if (failure instanceof SecretIntegrityException) {
            return INTEGRITY;
        }
        return CHECK_FAILED;
    }

    /**
     * The exit code of {@code verify}: {@link #OK} only when every required step passed. Otherwise the first
     * failed required step decides, because later failures usually follow from it (a store that cannot be
     * reached on create cannot be read either): access denied or authentication failed gives
     * {@link #ACCESS_DENIED}, unavailable or throttled {@link #UNAVAILABLE}, anything else (a value read back
     * wrong, a missing tag, a name conflict, a failure of unknown kind) {@link #CHECK_FAILED}. This is the
     * same mapping as for an exception, so a script sees the same code whether the store failed while
     * opening or during a step.
     *
     * @param report the verification report
     * @return its exit code
     */
    public static int of(VerificationReport report) {
        if (report.passed()) {
            return OK;
        }
        return report.steps().stream()
                .filter(step -> step.required() && step.status() == VerificationStep.Status.FAILED)
                .findFirst()
                .flatMap(VerificationStep::failureKind)
                .map(ExitCodes::of)
                .orElse(CHECK_FAILED);
    }

    private static int of(VerificationStep.FailureKind kind) {
        return switch (kind) {
            case ACCESS_DENIED, AUTHENTICATION_FAILED -> ACCESS_DENIED;
            case UNAVAILABLE, THROTTLED -> UNAVAILABLE;
            case INTEGRITY -> INTEGRITY;
            default -> CHECK_FAILED;
        };
    }
}
