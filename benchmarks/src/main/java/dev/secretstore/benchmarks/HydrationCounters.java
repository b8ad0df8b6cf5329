package dev.secretstore.benchmarks;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary results of a cold hydration, next to its wall time: {@code ·requests}, what the emulator saw, and
 * {@code ·cpuMillis}, the CPU time the whole benchmark JVM spent during the operation (client, in-process
 * emulator, JIT and GC threads together). On a shared machine the wall time of a shot depends on what else runs;
 * its CPU time much less, so it shows whether one client does more work than another. Reset each iteration.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class HydrationCounters {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public long requests;
    public double cpuMillis;

    @Setup(Level.Iteration)
    public void reset() {
        requests = 0;
        cpuMillis = 0;
    }

    /** @return the JVM's CPU time so far, ns; pass it to {@link #stop} */
    long start() {
        return OS.getProcessCpuTime();
    }

    void stop(long cpuAtStart, long requestsSeen) {
        cpuMillis += (OS.getProcessCpuTime() - cpuAtStart) / 1e6;
        requests += requestsSeen;
    }
}
