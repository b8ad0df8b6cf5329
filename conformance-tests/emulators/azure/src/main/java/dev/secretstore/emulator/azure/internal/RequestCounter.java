package dev.secretstore.emulator.azure.internal;

import dev.secretstore.emulator.azure.Operation;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests received per operation, counted on arrival (before faults, authentication or validation). */
public final class RequestCounter {
    private final Map<Operation, LongAdder> counts = new ConcurrentHashMap<>();

    public void increment(Operation operation) {
        counts.computeIfAbsent(operation, o -> new LongAdder()).increment();
    }

    public long count(Operation operation) {
        LongAdder adder = counts.get(operation);
        return adder == null ? 0 : adder.sum();
    }

    public Map<Operation, Long> snapshot() {
        Map<Operation, Long> copy = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            copy.put(operation, count(operation));
        }
        return copy;
    }

    public void reset() {
        counts.clear();
    }
}
