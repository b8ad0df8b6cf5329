package dev.secretstore.emulator.gcp.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Injected failures and added latency, switched on and off through the control API. */
public final class Faults {
  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private volatile Duration latency = Duration.ZERO;

  public void add(FaultRule rule) {
    rules.add(rule);
  }

  public void clear() {
    rules.clear();
    latency = Duration.ZERO;
  }

  public Duration latency() {
    return latency;
  }

  public void setLatency(Duration latency) {
    this.latency = latency.isNegative() ? Duration.ZERO : latency;
  }

  public Optional<ApiError> next(String rpc) {
    for (FaultRule r : rules) {
      if (r.fire(rpc)) {
        if (r.spent()) {
          rules.remove(r);
        }
        return Optional.of(r.error(rpc));
      }
    }
    return Optional.empty();
  }
}
