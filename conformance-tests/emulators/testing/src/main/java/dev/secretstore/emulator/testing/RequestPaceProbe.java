package dev.secretstore.emulator.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples how many requests an emulator has counted while a provider's readAll runs, each sample with the time it was
 * known to have been taken by (read after the count), so a check on it can only err towards passing on a slow
 * machine: a count is compared with the most permits a rate bound can have issued by then. Shared by the cloud
 * providers' read-rate tests.
 */
public final class RequestPaceProbe implements AutoCloseable {

    /** One reading: the count, and the time (since the probe started) by which it was read. */
    public record Sample(long count, long nanosSinceStart) {
    }

    private final LongSupplier count;
    private final long start = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    /** @param count the emulator's request count, read every 20 ms on a daemon thread until {@link #close()} */
    public RequestPaceProbe(LongSupplier count) {
        this.count = count;
        this.sampler = new Thread(this::sample, "request-pace-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            long c = count.getAsLong();
            long at = System.nanoTime() - start;
            synchronized (samples) {
                samples.add(new Sample(c, at));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** @return the time since the probe started */
    public long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /**
     * @param perSecond the rate bound
     * @return the samples whose count exceeds what the bound allows by their time: one permit banked before the
     *     start, one per period since, plus one for the limiter's periods not being aligned with the start
     */
    public List<Sample> samplesAbove(int perSecond) {
        List<Sample> above = new ArrayList<>();
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.count() > 2 + perSecond * s.nanosSinceStart() / 1_000_000_000L) {
                    above.add(s);
                }
            }
        }
        return above;
    }

    /** @return how many samples were taken */
    public int sampleCount() {
        synchronized (samples) {
            return samples.size();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join(5_000);
    }
}
