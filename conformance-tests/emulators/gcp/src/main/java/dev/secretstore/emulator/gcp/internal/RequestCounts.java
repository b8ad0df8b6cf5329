package dev.secretstore.emulator.gcp.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How many requests each method received (every attempt, including failed ones). */
public final class RequestCounts {
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  public void increment(String method) {
    counts.computeIfAbsent(method, k -> new AtomicLong()).incrementAndGet();
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
  }
}
