package dev.secretstore.support.concurrent;

import dev.secretstore.SecretStoreException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * Paces one store's {@code readAll} requests to at most a configured number per second, on top of the in-flight
 * bound of {@link BoundedParallel}: the clouds' documented read quotas are rates (AWS BatchGetSecretValue 100 per
 * second, Key Vault 4,000 secret GETs per 10 seconds per vault, Secret Manager 90,000 accesses per minute per
 * project), and a few calls in flight on a fast network exceed them. One per opened store, shared by its threads;
 * backed by resilience4j's {@link RateLimiter}.
 *
 * <pre>{@code
 * RequestRate readRate = RequestRate.perSecond("secretstore-aws-read", settings.readRate());
 * retry.call(Operation.READ_ALL, null, attempt -> {
 *     readRate.acquire();            // per attempt: a retried request counts against the quota too
 *     return client.batchGetSecretValue(request);
 * });
 * }</pre>
 *
 * <p>Permits are evenly spaced, one every {@code 1/perSecond} seconds, and do not accumulate while the store is
 * idle, so no window of any length sees more than {@code perSecond × window + 1} requests: a one-second quota
 * (AWS), a ten-second one (Key Vault) and a one-minute one (Secret Manager) are all kept by the same bound,
 * without a burst at the start of a period.
 *
 * <p>Take the permit immediately before the request, on the thread that sends it (inside an in-flight slot): a
 * permit taken before waiting for a slot could be spent long before its request left, letting requests bunch up
 * past the rate. While a caller waits for a permit its slot would not be usable anyway, since every other request
 * needs a permit from the same sequence. Thread-safe.
 */
public final class RequestRate {

    /** The highest rate accepted: a sanity bound for configs, above every documented read quota per second. */
    public static final int MAX_PER_SECOND = 10_000;

    // How long one acquirePermission may wait. A caller whose wait fits reserves its permit and waits its turn (so
    // permits go out in the order they were asked for); one whose wait would be longer reserves nothing, waits this
    // long and asks again. A store's waiters are its in-flight slots (at most 64), so at 1 a second no wait
    // exceeds this and the loop below only guards against a store shared far beyond that.
    private static final Duration ONE_WAIT = Duration.ofMinutes(2);

    private final String name;
    private final int perSecond;
    private final RateLimiter limiter;

    private RequestRate(String name, int perSecond) {
        this.name = name;
        this.perSecond = perSecond;
        this.limiter = RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(1)
                // rounded up, so that the effective rate is never above perSecond
                .limitRefreshPeriod(Duration.ofNanos((1_000_000_000L + perSecond - 1) / perSecond))
                .timeoutDuration(ONE_WAIT)
                .writableStackTraceEnabled(false)
                .build());
    }

    /**
     * @param name      names the limiter (e.g. {@code "secretstore-aws-read"}); no secret or credential
     * @param perSecond requests per second, 1 to {@link #MAX_PER_SECOND}
     * @return a limiter whose first permit is available at once
     */
    public static RequestRate perSecond(String name, int perSecond) {
        if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
            throw new IllegalArgumentException("perSecond must be from 1 to " + MAX_PER_SECOND);
        }
        return new RequestRate(name, perSecond);
    }

    /** @return the requests per second this limiter allows */
    public int perSecond() {
        return perSecond;
    }

    /**
     * Waits until the next request may be sent, and counts it.
     *
     * @throws SecretStoreException when the thread is interrupted while waiting (its interrupt status is set
     *                              again, the request must not be sent); not a transient failure, so the retry
     *                              policy does not retry it
     */
    public void acquire() {
        while (!limiter.acquirePermission()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new SecretStoreException("interrupted while waiting for the request rate bound (" + perSecond
                        + " per second)");
            }
        }
    }

    @Override
    public String toString() {
        return "RequestRate[" + name + ", perSecond=" + perSecond + "]";
    }
}
