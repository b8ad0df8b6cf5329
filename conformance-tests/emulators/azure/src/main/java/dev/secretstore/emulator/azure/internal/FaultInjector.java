package dev.secretstore.emulator.azure.internal;

import dev.secretstore.emulator.azure.Fault;
import dev.secretstore.emulator.azure.Operation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The faults switched on, consumed by matching requests in the order they were added. */
public final class FaultInjector {
    private final List<Active> active = new ArrayList<>();

    public synchronized void add(Fault fault) {
        active.add(new Active(fault, fault.times()));
    }

    public synchronized void clear() {
        active.clear();
    }

    /** The fault to apply to this request, if any; a fault with a count is used up by it. */
    public synchronized Optional<Fault> take(Operation operation) {
        for (Iterator<Active> it = active.iterator(); it.hasNext(); ) {
            Active candidate = it.next();
            if (candidate.fault.appliesTo(operation)) {
                if (candidate.remaining > 0 && --candidate.remaining == 0) {
                    it.remove();
                }
                return Optional.of(candidate.fault);
            }
        }
        return Optional.empty();
    }

    private static final class Active {
        private final Fault fault;
        private int remaining;

        Active(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
