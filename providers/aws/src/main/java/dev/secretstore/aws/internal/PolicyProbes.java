package dev.secretstore.aws.internal;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.DeleteOptions;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.VerificationStep;
import dev.secretstore.VerificationStep.FailureKind;
import dev.secretstore.VerificationStep.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verify's probes for a policy weaker than the one we recommend. They touch nobody else's secret: one probe
 * tries to create a secret of its own without the managed tag (and deletes it if that worked), the others
 * tries to take the managed tag off verify's own test secret (and puts it back if that worked). A probe that
 * overwrote the tag's value is not run: under a weak policy it cannot be undone, and the secret would stay. A probe that
 * is allowed is a warning naming the missing condition; a denied probe is a pass.
 */
final class PolicyProbes {

    private final AwsSecretStoreSpi store;
    private final AwsSettings settings;

    PolicyProbes(AwsSecretStoreSpi store, AwsSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    List<VerificationStep> run(SecretName testSecret) {
        List<VerificationStep> steps = new ArrayList<>();
        steps.add(untaggedCreate(testSecret));
        steps.add(untag(testSecret));
        return steps;
    }

    private VerificationStep untaggedCreate(SecretName testSecret) {
        String step = "policy: create refused without the managed tag";
        long start = System.nanoTime();
        SecretName probe = SecretName.of(testSecret.value() + "-untagged-probe");
        try {
            store.createRaw(probe, SecretValue.ofText("secretstore policy probe"), Map.of());
        } catch (AccessDeniedException expected) {
            return passed(step, start, "CreateSecret without " + tag() + "=true was denied");
        } catch (SecretStoreException other) {
            return inconclusive(step, start, other);
        }
        String cleanup;
        try {
            store.delete(probe, DeleteOptions.force());
            cleanup = "the probe secret " + probe + " was deleted";
        } catch (SecretStoreException e) {
            cleanup = "the probe secret " + probe + " could not be deleted (" + e.getClass().getSimpleName()
                    + "): delete it by hand";
        }
        return warning(step, start, "this identity may create secrets without " + tag() + "=true; " + cleanup,
                "add a condition \"StringEquals\": {\"aws:RequestTag/" + settings.tagKey() + "\": \"true\"} to the"
                        + " statement allowing secretsmanager:CreateSecret (not ForAllValues, which holds when the tag"
                        + " is absent); 'secretstore policy aws' prints the recommended policy");
    }

    private VerificationStep untag(SecretName testSecret) {
        String step = "policy: managed tag cannot be removed";
        long start = System.nanoTime();
        try {
            store.removeTags(testSecret, List.of(settings.tagKey()));
        } catch (AccessDeniedException expected) {
            return passed(step, start, "UntagResource of " + settings.tagKey() + " was denied");
        } catch (SecretStoreException other) {
            return inconclusive(step, start, other);
        }
        String restored = restoreTag(testSecret);
        return warning(step, start, "this identity may remove " + settings.tagKey() + " from a managed secret; "
                        + restored,
                "deny secretsmanager:UntagResource with \"ForAnyValue:StringEquals\": {\"aws:TagKeys\": [\""
                        + settings.tagKey() + "\"]}; 'secretstore policy aws' prints the recommended policy");
    }

    private String restoreTag(SecretName testSecret) {
        try {
            store.updateTags(testSecret, Map.of(settings.tagKey(), "true"));
            return "the test secret's tag was put back";
        } catch (SecretStoreException e) {
            // verify's own cleanup deletes managed secrets only; this one is ours, so delete it here.
            try {
                store.delete(testSecret, DeleteOptions.force());
                return "the tag could not be put back, so the test secret was deleted";
            } catch (SecretStoreException notDeleted) {
                return "the test secret's tag could not be put back (" + e.getClass().getSimpleName()
                        + "): delete " + testSecret + " by hand";
            }
        }
    }

    private String tag() {
        return settings.tagKey();
    }

    private static VerificationStep passed(String step, long start, String detail) {
        return VerificationStep.storeCheck(step, Status.PASSED, since(start), detail, null, null);
    }

    private static VerificationStep warning(String step, long start, String detail, String remediation) {
        return VerificationStep.storeCheck(step, Status.WARNING, since(start), detail, remediation,
                FailureKind.CHECK_FAILED);
    }

    private static VerificationStep inconclusive(String step, long start, SecretStoreException e) {
        return VerificationStep.storeCheck(step, Status.WARNING, since(start), "the probe could not be run: "
                + e.getMessage(), null, FailureKind.of(e));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
