package dev.secretstore.emulator.gcp.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Injected failures and added latency, switched on and off through the control API. */
public final class Faults {
  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private volatile Duration latency = Duration.ZERO;
  private final java.util.concurrent.atomic.AtomicInteger payloadsToDamage = new java.util.concurrent.atomic.AtomicInteger();
  /** One-shot changes to make right after a request of a method was applied: {@code [method, change]}. */
  private final List<Object[]> afterNext = new CopyOnWriteArrayList<>();
  /** Pages of a list method still to be answered empty, with a token to go on from (AIP-158 allows it). */
  private final java.util.Map<String, Integer> emptyPages = new java.util.concurrent.ConcurrentHashMap<>();

  public void add(FaultRule rule) {
    rules.add(rule);
  }

  public void clear() {
    rules.clear();
    afterNext.clear();
    emptyPages.clear();
    latency = Duration.ZERO;
    payloadsToDamage.set(0);
  }

  /** The next {@code count} AddSecretVersion payloads arrive with one bit flipped (see the control API). */
  public void damageIncomingPayloads(int count) {
    payloadsToDamage.set(Math.max(0, count));
  }

  /** Whether this payload is one of those to damage; counts it. */
  public boolean takeIncomingPayloadDamage() {
    return payloadsToDamage.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  public Duration latency() {
    return latency;
  }

  public void setLatency(Duration latency) {
    this.latency = latency.isNegative() ? Duration.ZERO : latency;
  }

  /** Makes {@code change} once, after the next {@code rpc} request was applied (see the control API). */
  public void afterNext(String rpc, Runnable change) {
    afterNext.add(new Object[] {rpc, change});
  }

  /** The next {@code count} pages of {@code rpc} that have results and are not the last come back empty. */
  public void emptyPages(String rpc, int count) {
    emptyPages.put(rpc, Math.max(0, count));
  }

  /** Whether this page is to be answered empty; counts it. */
  public boolean takeEmptyPage(String rpc) {
    boolean[] taken = new boolean[1];
    emptyPages.computeIfPresent(rpc, (k, n) -> {
      taken[0] = n > 0;
      return n > 1 ? n - 1 : null;
    });
    return taken[0];
  }

  /** The change waiting for this request, if any; taken, so that it runs once. */
  public Optional<Runnable> takeAfterNext(String rpc) {
    for (Object[] hook : afterNext) {
      if (hook[0].equals(rpc) && afterNext.remove(hook)) {
        return Optional.of((Runnable) hook[1]);
      }
    }
    return Optional.empty();
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
