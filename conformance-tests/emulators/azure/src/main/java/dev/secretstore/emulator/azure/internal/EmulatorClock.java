package dev.secretstore.emulator.azure.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's time. The vault's time (created/updated dates, scheduled purges) is the base clock plus an offset
 * tests can advance; tokens live on the base clock alone, because SDK token caches keep real time and a jump
 * would leave them holding tokens the vault calls expired.
 */
public final class EmulatorClock {
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public EmulatorClock(Clock base) {
        this.base = base;
    }

    public Instant now() {
        return base.instant().plus(offset);
    }

    /** The time tokens are issued and checked against. */
    public Instant tokenNow() {
        return base.instant();
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
