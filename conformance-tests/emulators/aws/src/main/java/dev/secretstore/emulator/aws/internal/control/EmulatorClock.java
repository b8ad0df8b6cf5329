package dev.secretstore.emulator.aws.internal.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's notion of "now". Tests move it forward to expire session credentials, skew signatures or
 * end recovery windows without waiting.
 */
public final class EmulatorClock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public EmulatorClock(Clock base) {
        this.base = base;
    }

    public Instant now() {
        return base.instant().plus(offset.get());
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }
}
