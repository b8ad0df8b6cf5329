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

  /** The next status-code rule that fires before the request is processed (project-level rules wait for it). */
  public Optional<ApiError> next(String rpc) {
    return fire(rpc, r -> !r.projectLevel() && !r.afterApplying()).map(r -> r.error(rpc));
  }

  /** The next rule that fires once the request was applied: its response is lost, its change kept. */
  public Optional<ApiError> nextAfterApplying(String rpc) {
    return fire(rpc, FaultRule::afterApplying).map(r -> r.error(rpc));
  }

  /** The next project-level refusal (API disabled, project invalid) for a request on this project. */
  public Optional<ApiError> nextForProject(String rpc, Project project, String projectAsWritten) {
    return fire(rpc, FaultRule::projectLevel).map(r -> r.error(project, projectAsWritten));
  }

  private Optional<FaultRule> fire(String rpc, java.util.function.Predicate<FaultRule> which) {
    for (FaultRule r : rules) {
      if (which.test(r) && r.fire(rpc)) {
        if (r.spent()) {
          rules.remove(r);
        }
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
