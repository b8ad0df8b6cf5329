package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.Capability;
import dev.secretstore.DeleteOptions;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.UnsupportedCapabilityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * What every group of the kit shares: the run's stores, per-test secret names that are cleaned up after
 * the test, and the assertions for capabilities the store does not declare.
 */
abstract class ConformanceGroup {

    private ConformanceRun run;
    private String scope;
    private final Set<SecretName> created = new LinkedHashSet<>();
    private final Set<SecretName> planted = new LinkedHashSet<>();
    private boolean faultsUsed;

    @BeforeEach
    final void joinRun(ConformanceRun run, TestInfo test) {
        this.run = run;
        this.scope = run.newScope();
        run.exclusionReason(test).ifPresent(reason -> Assumptions.abort("excluded by the fixture: " + reason));
    }

    @AfterEach
    final void removeTestSecrets() {
        if (run == null) {
            return; // the run never started (the fixture failed); there is nothing of ours to remove
        }
        if (faultsUsed) {
            // Before anything else: the clean-up below must reach a healthy service.
            faultsUsed = false;
            fixture().faults().value().ifPresent(FaultInjector::clear);
        }
        List<String> leftovers = new ArrayList<>();
        for (SecretName name : created) {
            try {
                if (store().find(name).isPresent()) {
                    store().delete(name, DeleteOptions.force());
                }
            } catch (SecretStoreException e) {
                leftovers.add(name + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        run.fixture().foreignSecrets().value().ifPresent(planter -> planted.forEach(name -> {
            try {
                planter.remove(name);
            } catch (RuntimeException e) {
                leftovers.add(name + " (planted; " + e.getClass().getSimpleName() + ")");
            }
        }));
        created.clear();
        planted.clear();
        // A failed clean-up is not a conformance failure, but it must not go unnoticed on a real account.
        if (!leftovers.isEmpty()) {
            System.err.println("secretstore conformance: could not remove " + String.join(", ", leftovers));
        }
    }

    // ---- the run's stores and tools -------------------------------------------------------------

    final ConformanceFixture fixture() {
        return run.fixture();
    }

    final SecretStore store() {
        return run.privilegedStore();
    }

    final SecretStore readOnlyStore() {
        return fixture().leastPrivilegedStore().require("a read-only (least-privileged) store");
    }

    final ForeignSecretPlanter planter() {
        return fixture().foreignSecrets().require("a way to plant foreign secrets");
    }

    final RequestCounter requestCounter() {
        return fixture().requestCounter().require("a request counter");
    }

    /** The fixture's fault table; every fault is cleared after the test, before its secrets are removed. */
    final FaultInjector faults() {
        FaultInjector faults = fixture().faults().require("a way to inject faults into the service");
        faultsUsed = true;
        return faults;
    }

    /** Also searched for in everything printed or logged until the run ends (see {@link ConformanceRun#close()}). */
    final void forbidInRunOutput(String... values) {
        run.forbidInRunOutput(values);
    }

    final boolean supports(Capability capability) {
        return store().capabilities().contains(capability);
    }

    // ---- names -----------------------------------------------------------------------------------

    /** This test's name scope; listing by it shows only this test's secrets. */
    final String scope() {
        return scope;
    }

    /** A name in this test's scope, deleted after the test. */
    final SecretName name(String hint) {
        SecretName name = SecretName.of(scope + hint);
        created.add(name);
        return name;
    }

    /**
     * A name outside the slash-separated scope, spelled only with lower-case letters and digits (this test's
     * scope with its separators dropped and each {@code /} as {@code n}, then {@code hint}), which every
     * provider's name codec keeps as it is (even a dash may be escaped, e.g. on Azure before some letters);
     * deleted after the test. For checks about length, where a codec's escapes must not count.
     */
    final SecretName plainName(String hint) {
        SecretName name = SecretName.of(plainScope() + hint);
        created.add(name);
        return name;
    }

    /** This test's scope spelled for {@link #plainName}: lower-case letters and digits only. */
    final String plainScope() {
        // "n" ends each part, so one test's plain scope is never the prefix of another's (t1n, t11n).
        return scope.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9/]", "").replace('/', 'n');
    }

    /** Plants a secret that is not ours; removed after the test. */
    final SecretName plantForeign(String hint, SecretValue value, Map<String, String> tags) {
        SecretName name = SecretName.of(scope + hint);
        planted.add(name);
        planter().plant(name, value, tags);
        return name;
    }

    // ---- assertions shared by several groups ------------------------------------------------------

    /** The names of the managed secrets in this test's scope, over all pages. */
    final Set<SecretName> listedInScope() {
        // Without LIST_BY_PREFIX the engine refuses a prefix, so the kit lists everything and filters.
        String prefix = supports(Capability.LIST_BY_PREFIX) ? scope : null;
        try (var listed = store().listAll(prefix)) {
            return listed.map(SecretMetadata::name)
                    .filter(name -> name.value().startsWith(scope))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    /** The write attempts seen so far, when the fixture can count them. */
    final OptionalLong writeAttemptsIfCounted() {
        return fixture().requestCounter().value()
                .map(counter -> OptionalLong.of(counter.writeAttempts()))
                .orElse(OptionalLong.empty());
    }

    /** When the fixture counts write attempts: none happened since {@code before}. */
    final void assertNoWriteAttemptSince(OptionalLong before, String what) {
        if (before.isPresent()) {
            assertThat(requestCounter().writeAttempts() - before.getAsLong())
                    .as("write attempts caused by %s", what)
                    .isZero();
        }
    }

    final void assertNothingStoredAt(SecretName name) {
        assertThat(store().find(name)).as("secret %s after a rejected write", name).isEmpty();
    }

    /**
     * The store does not declare {@code capability}, so using it must fail with the standard
     * {@link UnsupportedCapabilityException} ("This provider does not support X") rather than do
     * something else silently.
     */
    static UnsupportedCapabilityException assertNotSupported(ThrowingCallable call, Capability... acceptable) {
        Throwable failure = catchThrowable(call);
        assertThat(failure)
                .as("using a capability the store does not declare (%s)", List.of(acceptable))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("does not support");
        UnsupportedCapabilityException unsupported = (UnsupportedCapabilityException) failure;
        assertThat(unsupported.capability()).isIn((Object[]) acceptable);
        return unsupported;
    }

    static SecretValue text(String text) {
        return SecretValue.ofText(text);
    }
}
