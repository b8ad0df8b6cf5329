package dev.secretstore.support.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BackoffProperties {

    @Property
    void computedWaitIsWithinTheFullJitterRange(@ForAll @IntRange(min = 1, max = 60_000) int initialMillis,
                                                @ForAll @IntRange(min = 0, max = 300_000) int extraMillis,
                                                @ForAll @IntRange(min = 1, max = 64) int failedAttempt,
                                                @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        long maxMillis = Math.min(initialMillis + (long) extraMillis, 300_000);
        RetrySettings settings = RetrySettings.builder().initialBackoff(Duration.ofMillis(initialMillis))
                .maxBackoff(Duration.ofMillis(maxMillis)).build();
        Backoff backoff = new Backoff(settings);

        long wait = backoff.delayMillis(failedAttempt, Optional.empty(), random);

        double exponential = initialMillis * Math.pow(2, failedAttempt - 1);
        long ceiling = (long) Math.min(maxMillis, exponential);
        assertThat(backoff.ceilingMillis(failedAttempt)).isEqualTo(ceiling);
        assertThat(wait).isBetween(0L, ceiling).isLessThanOrEqualTo(maxMillis);
    }

    @Property
    void waitIsAtLeastTheServersHint(@ForAll @IntRange(min = 1, max = 10) int failedAttempt,
                                     @ForAll @LongRange(min = 0, max = 3_600_000) long hintMillis,
                                     @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        Backoff backoff = new Backoff(RetrySettings.defaults());

        long wait = backoff.delayMillis(failedAttempt, Optional.of(Duration.ofMillis(hintMillis)), random);

        assertThat(wait).isGreaterThanOrEqualTo(hintMillis)
                .isEqualTo(Math.max(hintMillis, backoff.delayMillis(failedAttempt, Optional.empty(), random)));
    }
}
