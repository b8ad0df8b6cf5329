package dev.secretstore.azure;

import dev.secretstore.conformance.FaultInjector;
import dev.secretstore.emulator.azure.AzureKeyVaultEmulator;
import dev.secretstore.emulator.azure.Fault;
import dev.secretstore.emulator.azure.Operation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The kit's fault feature wired to the emulator's fault table and request log, by Key Vault operation. */
final class EmulatorFaults implements FaultInjector {
    private static final Map<CallKind, Set<Operation>> OPERATIONS = Map.of(
            CallKind.READ, EnumSet.of(Operation.GET_SECRET),
            // Key Vault has no metadata-only get: describe reads the latest version, then the deleted secret.
            CallKind.DESCRIBE, EnumSet.of(Operation.GET_SECRET, Operation.GET_DELETED_SECRET),
            CallKind.WRITE, EnumSet.of(Operation.SET_SECRET, Operation.UPDATE_SECRET),
            CallKind.LIST, EnumSet.of(Operation.GET_SECRETS),
            // A forced delete is DeleteSecret then PurgeDeletedSecret; the kit counts one delete call per delete,
            // so the purge that completes it is neither faulted nor counted.
            CallKind.DELETE, EnumSet.of(Operation.DELETE_SECRET, Operation.RECOVER_DELETED_SECRET));

    private final AzureKeyVaultEmulator emulator;
    private final int maxAttempts;

    EmulatorFaults(AzureKeyVaultEmulator emulator, int maxAttempts) {
        this.emulator = emulator;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void inject(FaultKind kind, Set<CallKind> calls, int count, Duration latency) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        calls.forEach(c -> operations.addAll(OPERATIONS.get(c)));
        Fault fault = switch (kind) {
            case THROTTLED -> Fault.throttle(Duration.ZERO);
            case UNAVAILABLE -> Fault.serverError(503);
            case CONNECTION_RESET -> Fault.connectionReset();
            case LATENCY -> Fault.latency(latency);
        };
        emulator.injectFault(fault.times(Math.max(count, 0)).onAny(operations));
    }

    @Override
    public void clear() {
        emulator.clearFaults();
    }

    @Override
    public long calls(CallKind kind) {
        return OPERATIONS.get(kind).stream().mapToLong(emulator::requestCount).sum();
    }

    @Override
    public int maxAttempts() {
        return maxAttempts;
    }
}
