package dev.secretstore.emulator.gcp.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests each method received (every attempt, including failed ones), and the most that were in flight at
 * once (received, not yet answered; added latency included), for clients' concurrency bounds.
 */
public final class RequestCounts {
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> maxInFlight = new ConcurrentHashMap<>();

  public void increment(String method) {
    counts.computeIfAbsent(method, k -> new AtomicLong()).incrementAndGet();
  }

  /** A request of this method was received; {@link #answered} follows exactly once. */
  public void started(String method) {
    long now = inFlight.computeIfAbsent(method, k -> new AtomicLong()).incrementAndGet();
    maxInFlight.computeIfAbsent(method, k -> new AtomicLong()).accumulateAndGet(now, Math::max);
  }

  public void answered(String method) {
    inFlight.get(method).decrementAndGet();
  }

  /** The most requests of this method in flight at once since the counts were last cleared. */
  public long maxInFlight(String method) {
    AtomicLong m = maxInFlight.get(method);
    return m == null ? 0 : m.get();
  }

  public long get(String method) {
    AtomicLong c = counts.get(method);
    return c == null ? 0 : c.get();
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> m = new TreeMap<>();
    counts.forEach((k, v) -> m.put(k, v.get()));
    return m;
  }

  public void clear() {
    counts.clear();
    maxInFlight.clear();
  }
}
