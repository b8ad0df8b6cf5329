package dev.secretstore.conformance;

import java.time.Duration;
import java.util.Set;

/**
 * Injects faults into the service behind the fixture's privileged store (an emulator's fault table, or
 * a wrapper for in-process stores), so the kit can check that the provider's one retry policy hides
 * transient faults, ends persistent ones in the typed exception after exactly the configured attempts,
 * and never mistakes a fault for an answer ("absent", "denied").
 *
 * <pre>{@code
 * public FixtureFeature<FaultInjector> faults() {
 *     return FixtureFeature.of(new FaultInjector() {
 *         public void inject(FaultKind kind, Set<CallKind> calls, int count, Duration latency) {
 *             emulator.admin().addFault(kind.name(), nativeOperations(calls), count, latency);
 *         }
 *         public void clear() { emulator.admin().clearFaults(); }
 *         public long calls(CallKind kind) { return emulator.admin().requestCount(nativeOperations(kind)); }
 *         public int maxAttempts() { return 3; }   // the retry policy the fixture's privileged store uses
 *     });
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Faults apply to the fixture's privileged store only (the other stores may share the service; the
 *       kit uses only the privileged store while a fault is injected).</li>
 *   <li>Each {@link #inject} adds one rule. A call that reaches the service takes the first rule, in the
 *       order they were injected, that covers its {@link CallKind} and has calls left; a counted rule
 *       is used up by that many calls (of any of its kinds, together), then stops applying. At most one
 *       fault applies to one call.</li>
 *   <li>The kit always calls {@link #clear()} after a test that injected faults, pass or fail, and
 *       before it cleans up its secrets.</li>
 *   <li>The privileged store of a fixture that offers faults must use a retry policy with small backoffs
 *       (the kit's fault tests make at most a few dozen faulted calls, and assert attempt counts, never
 *       timings), and must read every number it asserts from {@link #maxAttempts()}.</li>
 * </ul>
 */
public interface FaultInjector {

    /** What the service does to a faulted call. */
    enum FaultKind {
        /**
         * The service refuses the call with its throttling answer (HTTP 429, {@code ThrottlingException},
         * {@code RESOURCE_EXHAUSTED}, ...) without processing it. Transient: the store retries; when the
         * attempts run out it raises {@link dev.secretstore.ThrottledException}.
         */
        THROTTLED,
        /**
         * The service answers "unavailable" (HTTP 503, {@code UNAVAILABLE}, ...) without processing the
         * call. Transient: the store retries; when the attempts run out it raises
         * {@link dev.secretstore.StoreUnavailableException}.
         */
        UNAVAILABLE,
        /**
         * The connection is dropped before any response is sent. Whether the service processed the
         * request first is the fixture's choice (an emulator may process it, to model a lost response);
         * the kit therefore expects of a create hit by a reset only that afterwards exactly one secret
         * with exactly one version exists under the name, or none, and never a half-written secret.
         * Transient: the store retries; when the attempts run out it raises
         * {@link dev.secretstore.StoreUnavailableException}.
         */
        CONNECTION_RESET,
        /**
         * The call is delayed by the given latency, then processed and answered normally. The kit uses
         * latencies well below any sensible client timeout and expects the call to succeed unchanged.
         */
        LATENCY
    }

    /** Service calls grouped by what they do; a fixture maps each to its native operations. */
    enum CallKind {
        /** Value reads, single or batch ({@code GetSecretValue}, {@code BatchGetSecretValue}, {@code AccessSecretVersion}, ...). */
        READ,
        /** Metadata reads ({@code DescribeSecret}, {@code GetSecret} without a value, ...), including the ones inside a put or delete. */
        DESCRIBE,
        /** Create, add version, tag changes. */
        WRITE,
        /** Listing secrets (and any listing a provider makes to answer another operation). */
        LIST,
        /** Delete, restore, purge. */
        DELETE
    }

    /**
     * Applies {@code kind} to the next {@code count} calls of these kinds ({@code count <= 0}: persistently
     * until {@link #clear()}).
     *
     * @param kind    the fault
     * @param calls   the kinds of call it applies to, not empty
     * @param count   how many calls it applies to, in total over {@code calls}; zero or less for every call.
     *                A service whose fault table counts per native operation may apply the count to each
     *                native operation of {@code calls} instead: the kit injects a counted fault only where
     *                one native operation serves the calls it then makes.
     * @param latency the added delay, used for {@link FaultKind#LATENCY} only ({@link Duration#ZERO} otherwise)
     */
    void inject(FaultKind kind, Set<CallKind> calls, int count, Duration latency);

    /**
     * The faults this fixture can inject; the kit reports the tests needing another one as skipped with
     * the reason. An emulator without, say, connection resets leaves {@link FaultKind#CONNECTION_RESET} out.
     */
    default Set<FaultKind> supportedFaults() {
        return java.util.EnumSet.allOf(FaultKind.class);
    }

    /** Removes every injected fault. */
    void clear();

    /**
     * Calls of this kind that reached the service (each attempt counts, faulted ones included) since the
     * fixture started; the kit compares differences.
     */
    long calls(CallKind kind);

    /**
     * Attempts the privileged store makes for one operation under a transient fault (its retry policy's
     * {@code maxAttempts}; 1 for a store that does not retry).
     */
    int maxAttempts();
}
