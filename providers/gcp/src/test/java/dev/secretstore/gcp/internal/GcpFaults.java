package dev.secretstore.gcp.internal;

import dev.secretstore.conformance.FaultInjector;
import dev.secretstore.emulator.gcp.EmulatorControl;
import dev.secretstore.emulator.gcp.Fault;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The kit's fault injector over the emulator's fault table and request log. A connection reset reaches a gRPC
 * client as UNAVAILABLE; it is injected after the emulator applied the call (its response lost), the harder of the
 * two cases the kit allows: a retried CreateSecret then meets its own secret. Latency is the emulator's
 * added latency, on every call until cleared (a superset of the contract's "next count calls"). GetSecretVersion, the
 * look at the current version number that describe makes after GetSecret, is a per-version read and counts with
 * reads: a describe is then one DESCRIBE call, as the kit counts it.
 */
final class GcpFaults implements FaultInjector {

    static final Set<String> WRITES = Set.of("CreateSecret", "AddSecretVersion", "UpdateSecret", "DeleteSecret");
    private static final Map<CallKind, Set<String>> METHODS = new EnumMap<>(Map.of(
            CallKind.READ, Set.of("AccessSecretVersion", "GetSecretVersion"),
            CallKind.DESCRIBE, Set.of("GetSecret"),
            CallKind.WRITE, Set.of("CreateSecret", "AddSecretVersion", "UpdateSecret"),
            CallKind.LIST, Set.of("ListSecrets"),
            CallKind.DELETE, Set.of("DeleteSecret")));

    private final EmulatorControl control;
    private final int maxAttempts;

    GcpFaults(EmulatorControl control, int maxAttempts) {
        this.control = control;
        this.maxAttempts = maxAttempts;
    }

    static Set<String> methods(Set<CallKind> calls) {
        Set<String> methods = new LinkedHashSet<>();
        calls.forEach(c -> methods.addAll(METHODS.get(c)));
        return methods;
    }

    @Override
    public void inject(FaultKind kind, Set<CallKind> calls, int count, Duration latency) {
        if (kind == FaultKind.LATENCY) {
            control.setLatency(latency);
            return;
        }
        Fault fault = Fault.of(kind == FaultKind.THROTTLED ? Fault.Kind.RESOURCE_EXHAUSTED : Fault.Kind.UNAVAILABLE)
                .onlyFor(methods(calls));
        if (kind == FaultKind.CONNECTION_RESET) {
            fault = fault.afterApplying();
        }
        control.addFault(count > 0 ? fault.times(count) : fault);
    }

    @Override
    public void clear() {
        control.clearFaults();
    }

    @Override
    public long calls(CallKind kind) {
        return METHODS.get(kind).stream().mapToLong(control::requestCount).sum();
    }

    @Override
    public int maxAttempts() {
        return maxAttempts;
    }
}
