package dev.secretstore.emulator.gcp.internal;

import io.grpc.Status;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** Per-project, per-minute request quotas (sliding 60 s window); no limit unless one is set. */
public final class QuotaMeter {
  private final Clock clock;
  private final Map<QuotaKind, Integer> limits = new EnumMap<>(QuotaKind.class);
  private final Map<String, Deque<Long>> windows = new HashMap<>();

  public QuotaMeter(Clock clock) {
    this.clock = clock;
  }

  public synchronized void setLimit(QuotaKind kind, Integer perMinute) {
    if (perMinute == null || perMinute < 0) {
      limits.remove(kind);
    } else {
      limits.put(kind, perMinute);
    }
    windows.clear();
  }

  public synchronized void clear() {
    limits.clear();
    windows.clear();
  }

  public synchronized void charge(QuotaKind kind, Project project) {
    Integer limit = limits.get(kind);
    if (limit == null) {
      return;
    }
    long now = clock.millis();
    Deque<Long> w = windows.computeIfAbsent(kind + "/" + project.number(), k -> new ArrayDeque<>());
    while (!w.isEmpty() && w.peekFirst() <= now - 60_000) {
      w.pollFirst();
    }
    if (w.size() >= limit) {
      throw new ApiError(Status.Code.RESOURCE_EXHAUSTED, "Quota exceeded for quota metric '" + kind.metric()
          + "' and limit '" + kind.metric() + " per minute per project' of service 'secretmanager.googleapis.com' "
          + "for consumer 'project_number:" + project.number() + "'.");
    }
    w.addLast(now);
  }
}
