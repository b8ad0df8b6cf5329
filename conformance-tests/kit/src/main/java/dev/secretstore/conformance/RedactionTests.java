package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.Capability;
import dev.secretstore.ListOptions;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.opentest4j.TestAbortedException;

/**
 * Group 6: a canary value goes through every operation, successful and failing, and must never show up
 * in an exception, a {@code toString} or a log line; neither may any credential.
 */
@Isolated("captures the JVM-wide System.out, System.err and root logger")
abstract class RedactionTests extends ConformanceGroup {

    @Test
    @DisplayName("the capture used by this group sees System.out, System.err, java.util.logging and System.Logger")
    void captureSeesEveryOutputChannel() {
        String marker = "capture-check-" + UUID.randomUUID();
        // The capture under test is the passing-through one the other tests use; what it passes on lands in
        // an outer swallowing capture, so the markers never reach the user's terminal or log handlers.
        try (LogCapture quiet = LogCapture.swallowing(); LogCapture capture = LogCapture.start()) {
            System.out.println(marker + "-out");
            System.err.println(marker + "-err");
            Logger.getLogger("dev.secretstore.conformance.check").fine(marker + "-jul");
            // INFO, so the line is printed whichever backend System.Logger is bound to.
            System.getLogger("dev.secretstore.conformance.check").log(Level.INFO, marker + "-system-logger");

            assertThat(capture.text()).contains(marker + "-out", marker + "-err", marker + "-jul",
                    marker + "-system-logger");
            assertThat(quiet.text()).as("what the capture passed on was kept, not printed")
                    .contains(marker + "-out", marker + "-err");
        }
    }

    @Test
    @DisplayName("a canary value passed through every operation never appears in errors, toString or logs")
    void canaryValueNeverLeaks() {
        // Space, slash, plus and a non-ASCII letter, so the URL-encoded form differs from the plain one.
        String canary = "canary " + UUID.randomUUID() + "/ü+";
        String canaryV2 = "canary v2 " + UUID.randomUUID() + "/ü+";
        forbidInRunOutput(canary, canaryV2);
        LeakDetector leaks = LeakDetector.forbidding("canary value", Set.of(canary, canaryV2));
        List<Object> observed = new ArrayList<>();
        String captured;

        try (LogCapture capture = LogCapture.start()) {
            exerciseEveryOperation(canary, canaryV2, observed);
            captured = capture.text();
        }

        assertThat(observed).as("objects and errors produced while exercising the store").hasSizeGreaterThan(10);
        observed.forEach(leaks::assertAbsentFrom);
        leaks.assertAbsentFromText("captured System.out, System.err and log output", captured);
    }

    @Test
    @DisplayName("no credential appears in the stores' toString, their errors, or logs")
    void credentialsNeverLeak() {
        LeakDetector credentials = LeakDetector.forbidding("credential", fixture().credentialValues());
        Assumptions.assumeFalse(credentials.isEmpty(), "the fixture declares no credential values (of at least "
                + LeakDetector.SHORTEST_SEARCHED + " characters) to look for");
        SecretName name = name("guarded");
        List<Object> observed = new ArrayList<>();
        String captured;

        try (LogCapture capture = LogCapture.start()) {
            store().create(name, text("guarded value"));
            observed.add(store());
            observed.add(store().provider());
            observed.add(store().verify());
            fixture().leastPrivilegedStore().value().ifPresent(readOnly -> {
                observed.add(readOnly);
                observed.add(catchThrowable(() -> readOnly.put(name, text("denied"))));
                observed.add(readOnly.verify());
            });
            collectFailure(observed, () -> fixture().badCredentialsStore().require("").read(name));
            collectFailure(observed, () -> fixture().badCredentialsStore().require("").put(name, text("x")));
            // Opening with bad credentials may fail at once; then its error is what must stay clean.
            Throwable openFailure = catchThrowable(() -> observed.add(fixture().badCredentialsStore().require("")));
            if (openFailure != null && !(openFailure instanceof TestAbortedException)) {
                observed.add(openFailure);
            }
            captured = capture.text();
        }

        observed.forEach(credentials::assertAbsentFrom);
        credentials.assertAbsentFromText("captured System.out, System.err and log output", captured);
    }

    private void exerciseEveryOperation(String canary, String canaryV2, List<Object> observed) {
        SecretStore store = store();
        SecretName name = name("canary");
        SecretName missing = name("canary-missing");
        SecretValue value = SecretValue.ofText(canary);
        observed.add(value);

        SecretMetadata created = store.create(name, value, supports(Capability.TAGS) ? Map.of("team", "data") : Map.of());
        observed.add(created);
        observed.add(store.put(name, SecretValue.ofText(canaryV2)));
        Secret latest = store.read(name);
        observed.add(latest);
        observed.add(latest.value());
        if (supports(Capability.READ_SPECIFIC_VERSION)) {
            created.version().ifPresent(version -> observed.add(store.read(name, version)));
        }
        Map<SecretName, ReadResult> batch = store.readAll(List.of(name, missing));
        observed.add(batch);
        observed.addAll(batch.values());
        observed.add(store.describe(name));
        observed.add(store.find(name));
        String prefix = supports(Capability.LIST_BY_PREFIX) ? scope() : null;
        observed.add(store.list(ListOptions.builder().prefix(prefix).build()));
        try (var all = store.listAll(prefix)) {
            all.forEach(observed::add);
        }

        // Failures that have the canary in hand when they are raised.
        collectFailure(observed, () -> store.create(name, SecretValue.ofText(canary)));
        if (store.limits().maxValueBytes() <= 16 * 1024 * 1024) {
            collectFailure(observed, () -> store.put(name, SecretValue.ofText(canary + "x".repeat(store.limits().maxValueBytes()))));
        }
        collectFailure(observed, () -> store.put(name, SecretValue.ofText(canary), Map.of(store.managedTagKey(), "false")));
        collectFailure(observed, () -> store.read(missing));
        collectFailure(observed, () -> readOnlyStore().put(name, SecretValue.ofText(canary)));
        collectFailure(observed, () -> readOnlyStore().create(missing, SecretValue.ofText(canary)));
        collectFailure(observed, () -> fixture().badCredentialsStore().require("").put(name, SecretValue.ofText(canary)));
        collectFailure(observed, () -> fixture().badCredentialsStore().require("").read(name));
        if (fixture().foreignSecrets().isAvailable()) {
            SecretName foreign = plantForeign("canary-foreign", SecretValue.ofText("theirs"), Map.of());
            collectFailure(observed, () -> store.put(foreign, SecretValue.ofText(canary)));
        }
        if (!supports(Capability.BINARY)) {
            collectFailure(observed, () -> store.create(missing, SecretValue.ofBytes(new byte[] {(byte) 0xff, 0})));
        }

        observed.add(store.verify());
        store.delete(name);
        collectFailure(observed, () -> store.read(name));
        SecretValue destroyed = SecretValue.ofText(canary);
        destroyed.destroy();
        observed.add(destroyed);
    }

    /** Runs a call that must fail and keeps its failure; calls needing a feature the fixture lacks are left out. */
    private static void collectFailure(List<Object> observed, ThrowingCallable call) {
        Throwable failure = catchThrowable(call);
        if (failure instanceof TestAbortedException) {
            return;
        }
        assertThat(failure).as("a call that must fail").isNotNull();
        observed.add(failure);
    }
}
