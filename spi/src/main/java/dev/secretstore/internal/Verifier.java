package dev.secretstore.internal;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.DeleteOptions;
import dev.secretstore.NotManagedException;
import dev.secretstore.Operation;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.VerificationReport;
import dev.secretstore.VerificationStep;
import dev.secretstore.VerificationStep.FailureKind;
import dev.secretstore.VerificationStep.Status;
import dev.secretstore.VerifyOptions;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.VerificationStepKind;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Runs the documented verification of a store: create, read back, confirm tags, delete. */
public final class Verifier {

    /** Prefix of the test secret's name. */
    public static final String TEST_SECRET_PREFIX = "secretstore-verify-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretStore store;
    private final SecretStoreProvider provider;
    private final SecretStoreSpi spi;
    private final Sleeper sleeper;
    private final List<VerificationStep> steps = new ArrayList<>();

    /**
     * @param store    the engine to verify
     * @param provider its provider, asked for remediation hints
     * @param spi      the opened store, asked for its extra checks and its permission propagation wait
     */
    public Verifier(SecretStore store, SecretStoreProvider provider, SecretStoreSpi spi) {
        this(store, provider, spi, Thread::sleep);
    }

    Verifier(SecretStore store, SecretStoreProvider provider, SecretStoreSpi spi, Sleeper sleeper) {
        this.store = store;
        this.provider = provider;
        this.spi = spi;
        this.sleeper = sleeper;
    }

    /** Waits between attempts to create the test secret while permissions propagate. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /**
     * @param options options
     * @return the report
     */
    public VerificationReport run(VerifyOptions options) {
        long start = System.nanoTime();
        SecretName name = SecretName.of(TEST_SECRET_PREFIX + HexFormat.of().formatHex(randomBytes(8)));
        SecretValue value = SecretValue.ofText("verify-" + HexFormat.of().formatHex(randomBytes(16)));
        try {
            boolean created = step(VerificationStepKind.CREATE, () -> {
                SecretMetadata meta = createWaitingForPermissions(name, value);
                String nativeId = meta.nativeId();
                return "created " + name + (nativeId == null || nativeId.isEmpty() || nativeId.equals(name.value())
                        ? "" : " (" + nativeId + ")");
            });
            boolean readBack = created && step(VerificationStepKind.READ_BACK, () -> {
                Secret secret = store.read(name);
                if (!secret.value().equals(value)) {
                    throw new StepFailure("the value read back differs from the value written",
                            "the store or the provider's encoding alters values: report it to the provider's maintainers");
                }
                return "value matches (" + value.size() + " bytes, version " + secret.version() + ")";
            });
            if (!created) {
                skip(VerificationStepKind.READ_BACK, VerificationStepKind.CREATE);
            }
            if (readBack) {
                step(VerificationStepKind.CONFIRM_TAGS, () -> {
                    SecretMetadata meta = store.describe(name);
                    if (!meta.isManaged(store.managedTagKey())) {
                        throw new StepFailure("the managed tag " + store.managedTagKey() + "=true is missing",
                                "the provider drops tags on create: report it to the provider's maintainers");
                    }
                    return store.managedTagKey() + "=true present";
                });
                extraSteps(name);
            } else {
                skip(VerificationStepKind.CONFIRM_TAGS, created ? VerificationStepKind.READ_BACK : VerificationStepKind.CREATE);
            }
            // Cleanup runs whenever the test secret exists, even after a failed read or tag check,
            // so verification never leaves a stray secret behind.
            if (!created) {
                skip(VerificationStepKind.DELETE, VerificationStepKind.CREATE);
            } else if (options.keep()) {
                steps.add(new VerificationStep(VerificationStepKind.DELETE, Status.SKIPPED, Duration.ZERO,
                        "kept as requested: " + name, null, false));
            } else {
                deleteStep(name);
            }
        } finally {
            value.destroy();
        }
        return new VerificationReport(store.providerName(), steps, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * A new permission can take minutes to reach the store (Azure role assignments do); within the store's
     * declared propagation wait a denied create is tried again with doubling pauses, then reported.
     */
    private SecretMetadata createWaitingForPermissions(SecretName name, SecretValue value) {
        Duration wait = spi.permissionPropagationWait();
        long deadline = System.nanoTime() + (wait == null ? 0 : wait.toNanos());
        long pause = 500;
        while (true) {
            try {
                return store.create(name, value);
            } catch (AccessDeniedException denied) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw denied;
                }
                try {
                    sleeper.sleep(Math.min(pause, left));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw denied;
                }
                pause = Math.min(pause * 2, 15_000);
            }
        }
    }

    /** The provider's own checks; one that throws becomes a warning, never a failed verification. */
    private void extraSteps(SecretName name) {
        long t0 = System.nanoTime();
        try {
            for (VerificationStep step : spi.extraVerificationSteps(name)) {
                steps.add(step.status() == Status.FAILED
                        ? VerificationStep.storeCheck(step.name(), Status.WARNING, step.duration(),
                                step.detail().orElse(null), step.remediation().orElse(null),
                                step.failureKind().orElse(FailureKind.OTHER))
                        : step);
            }
        } catch (SecretStoreException e) {
            steps.add(VerificationStep.storeCheck("store checks", Status.WARNING, since(t0), e.getMessage(),
                    e.remediation().orElse(null), FailureKind.of(e)));
        } catch (RuntimeException e) {
            steps.add(VerificationStep.storeCheck("store checks", Status.WARNING, since(t0),
                    "the provider's checks failed unexpectedly (" + e.getClass().getSimpleName() + ")", null,
                    FailureKind.OTHER));
        }
    }

    private void deleteStep(SecretName name) {
        long t0 = System.nanoTime();
        try {
            store.delete(name, DeleteOptions.force());
            steps.add(new VerificationStep(VerificationStepKind.DELETE, Status.PASSED, since(t0), "deleted " + name,
                    null, true));
        } catch (AccessDeniedException e) {
            steps.add(new VerificationStep(VerificationStepKind.DELETE, Status.WARNING, since(t0),
                    "delete denied; the test secret " + name + " was left behind: " + withoutRemediation(e),
                    remediation(VerificationStepKind.DELETE, e) + "; or delete " + name + " by hand", true,
                    FailureKind.ACCESS_DENIED));
        } catch (SecretStoreException e) {
            steps.add(new VerificationStep(VerificationStepKind.DELETE, Status.FAILED, since(t0), withoutRemediation(e),
                    remediation(VerificationStepKind.DELETE, e), true, FailureKind.of(e)));
        }
    }

    private interface StepAction {
        String run();
    }

    private boolean step(VerificationStepKind kind, StepAction action) {
        long t0 = System.nanoTime();
        try {
            String detail = action.run();
            steps.add(new VerificationStep(kind, Status.PASSED, since(t0), detail, null, true));
            return true;
        } catch (StepFailure f) {
            steps.add(new VerificationStep(kind, Status.FAILED, since(t0), f.getMessage(), f.remediation, true,
                    FailureKind.CHECK_FAILED));
            return false;
        } catch (SecretStoreException e) {
            steps.add(new VerificationStep(kind, Status.FAILED, since(t0), withoutRemediation(e), remediation(kind, e), true,
                    FailureKind.of(e)));
            return false;
        }
    }

    private void skip(VerificationStepKind kind, VerificationStepKind failed) {
        steps.add(new VerificationStep(kind, Status.SKIPPED, Duration.ZERO,
                "skipped because '" + failed.displayName() + "' failed", null, true));
    }

    /**
     * The step's detail is the failure's message without its remediation: the step carries exactly one
     * hint, {@link #remediation}, so a provider that fills both the exception's remediation and
     * {@code SecretStoreProvider.remediation(step, failure)} is not shown twice.
     */
    private static String withoutRemediation(SecretStoreException e) {
        String message = e.getMessage();
        String suffix = e.remediation().map(hint -> ". Remediation: " + hint).orElse(null);
        return suffix != null && message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length())
                : message;
    }

    /** The provider's hint for the step wins over the exception's own, which wins over the generic one. */
    private String remediation(VerificationStepKind kind, SecretStoreException e) {
        Optional<String> specific = Optional.empty();
        try {
            specific = provider.remediation(kind, e);
        } catch (RuntimeException ignored) {
            // A faulty hint must not hide the real failure; the generic hint is used instead.
        }
        return specific.or(e::remediation).orElseGet(() -> genericRemediation(kind, e));
    }

    /**
     * @param kind the failed step
     * @param e    the failure
     * @return the generic hint keyed on the exception type
     */
    public static String genericRemediation(VerificationStepKind kind, SecretStoreException e) {
        String operation = e.operation().map(o -> o.name().toLowerCase(Locale.ROOT)).orElse(operationOf(kind));
        if (e instanceof AccessDeniedException) {
            return "the credentials lack permission for " + operation
                    + ": check the policy/role assignment grants it on secrets carrying the managed tag";
        }
        if (e instanceof AuthenticationFailedException) {
            return "check the credentials are valid and not expired";
        }
        if (e instanceof StoreUnavailableException) {
            return "check network/endpoint/region and that the store is reachable, then retry";
        }
        if (e instanceof NotManagedException) {
            return "a secret with the test name exists and is not managed; remove it or retry";
        }
        return "see the error above; check the store configuration and the provider's documentation";
    }

    private static String operationOf(VerificationStepKind kind) {
        switch (kind) {
            case CREATE:
                return Operation.CREATE.name().toLowerCase(Locale.ROOT);
            case DELETE:
                return Operation.DELETE.name().toLowerCase(Locale.ROOT);
            case CONFIRM_TAGS:
                return Operation.DESCRIBE.name().toLowerCase(Locale.ROOT);
            default:
                return Operation.READ.name().toLowerCase(Locale.ROOT);
        }
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A step's own check failed (not an exception from the store). */
    private static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String remediation;

        StepFailure(String message, String remediation) {
            super(message, null, false, false);
            this.remediation = remediation;
        }
    }
}
