package dev.secretstore.emulator.gcp.internal;

import io.grpc.Status;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An injected failure: which kind, for which method (or all), how many more times (negative: until cleared). A kind
 * is a gRPC status code, or one of the front end's project-level refusals ({@code SERVICE_DISABLED},
 * {@code CONSUMER_INVALID}), which are raised once the caller is authenticated and the request's project known. A
 * status-code rule may fire after the request was applied (the response is lost, the change is kept).
 */
public final class FaultRule {
  /** The project-level kinds, named by their ErrorInfo reason. */
  public static final Set<String> PROJECT_KINDS = Set.of("SERVICE_DISABLED", "CONSUMER_INVALID");

  private final String kind;
  private final Set<String> methods;
  private final boolean afterApplying;
  private int remaining;

  public FaultRule(Status.Code code, Optional<String> method, int times) {
    this(code, method.map(Set::of).orElse(Set.of()), times);
  }

  /** @param methods the methods it applies to, counted together; empty for all */
  public FaultRule(Status.Code code, Set<String> methods, int times) {
    this(code.name(), methods, times, false);
  }

  /**
   * @param kind          a gRPC status code name or one of {@link #PROJECT_KINDS}
   * @param afterApplying the request is applied first and its response replaced by the failure (status codes only)
   */
  public FaultRule(String kind, Set<String> methods, int times, boolean afterApplying) {
    String k = kind.toUpperCase(Locale.ROOT);
    if (!PROJECT_KINDS.contains(k)) {
      Status.Code.valueOf(k); // refuses an unknown kind
    } else if (afterApplying) {
      throw new IllegalArgumentException(k + " refuses a request before it is applied");
    }
    this.kind = k;
    this.methods = Set.copyOf(methods);
    this.remaining = times;
    this.afterApplying = afterApplying;
  }

  boolean projectLevel() {
    return PROJECT_KINDS.contains(kind);
  }

  boolean afterApplying() {
    return afterApplying;
  }

  /** Consumes one use if the rule applies to this method. */
  synchronized boolean fire(String rpc) {
    if (remaining == 0 || (!methods.isEmpty() && !methods.contains(rpc))) {
      return false;
    }
    if (remaining > 0) {
      remaining--;
    }
    return true;
  }

  synchronized boolean spent() {
    return remaining == 0;
  }

  /** The failure of a project-level rule, for the request's project as the caller wrote it. */
  ApiError error(Project project, String projectAsWritten) {
    return kind.equals("SERVICE_DISABLED") ? ServiceErrors.serviceDisabled(project)
        : ServiceErrors.consumerInvalid(projectAsWritten);
  }

  ApiError error(String rpc) {
    Status.Code code = Status.Code.valueOf(kind);
    switch (code) {
      case UNAVAILABLE:
        return new ApiError(code, "The service is currently unavailable.");
      case RESOURCE_EXHAUSTED:
        return new ApiError(code, "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of "
            + "service 'secretmanager.googleapis.com' (injected by the emulator).");
      default:
        return new ApiError(code, "Injected " + code + " fault.");
    }
  }
}
