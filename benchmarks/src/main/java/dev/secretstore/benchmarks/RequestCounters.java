package dev.secretstore.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The requests the emulator saw during one iteration, reported by JMH as a secondary result
 * ({@code ·requests}) next to the time. Reset at the start of each iteration.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class RequestCounters {
    public long requests;

    @Setup(Level.Iteration)
    public void reset() {
        requests = 0;
    }
}
