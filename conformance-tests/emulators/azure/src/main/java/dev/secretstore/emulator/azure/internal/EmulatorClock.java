package dev.secretstore.emulator.azure.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The emulator's time: a base clock plus an offset tests can advance (token expiry, purge dates). */
public final class EmulatorClock {
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public EmulatorClock(Clock base) {
        this.base = base;
    }

    public Instant now() {
        return base.instant().plus(offset);
    }

    public long epochSeconds() {
        return now().getEpochSecond();
    }

    public synchronized void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset = offset.plus(by);
    }

    public synchronized void resetOffset() {
        offset = Duration.ZERO;
    }
}
