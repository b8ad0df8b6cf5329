package dev.secretstore.emulator.aws.internal.control;

import dev.secretstore.emulator.aws.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Faults switched on per operation; {@code *} applies to every operation. Thread-safe. */
public final class FaultTable {
    private final Map<String, List<ActiveFault>> faults = new ConcurrentHashMap<>();

    /** What to do to one request: hold it back, and maybe fail it. */
    public record Effect(Duration latency, Fault.Kind failure) {
        static final Effect NONE = new Effect(Duration.ZERO, null);
    }

    private static final class ActiveFault {
        final Fault fault;
        int remaining;

        ActiveFault(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    public synchronized void set(String operation, Fault fault) {
        List<ActiveFault> list = faults.computeIfAbsent(operation, k -> new ArrayList<>());
        // One fault of each kind per operation: setting it again replaces the old one.
        list.removeIf(a -> a.fault.kind() == fault.kind());
        list.add(new ActiveFault(fault));
    }

    public synchronized void clear(String operation) {
        faults.remove(operation);
    }

    public synchronized void clearAll() {
        faults.clear();
    }

    public synchronized Effect apply(String operation) {
        if (faults.isEmpty()) {
            return Effect.NONE;
        }
        Duration latency = Duration.ZERO;
        Fault.Kind failure = null;
        for (String key : List.of(operation, Fault.ALL_OPERATIONS)) {
            List<ActiveFault> list = faults.get(key);
            if (list == null) {
                continue;
            }
            for (ActiveFault a : list) {
                if (a.fault.kind() == Fault.Kind.LATENCY) {
                    latency = latency.plus(a.fault.latency());
                } else if (failure == null) {
                    failure = a.fault.kind();
                } else {
                    continue;
                }
                if (a.remaining > 0) {
                    a.remaining--;
                }
            }
            list.removeIf(a -> a.remaining == 0);
        }
        return new Effect(latency, failure);
    }
}
