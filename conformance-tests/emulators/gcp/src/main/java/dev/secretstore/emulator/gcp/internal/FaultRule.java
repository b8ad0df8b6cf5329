package dev.secretstore.emulator.gcp.internal;

import io.grpc.Status;
import java.util.Optional;
import java.util.Set;

/** An injected failure: which code, for which method (or all), how many more times (negative: until cleared). */
public final class FaultRule {
  private final Status.Code code;
  private final Set<String> methods;
  private int remaining;

  public FaultRule(Status.Code code, Optional<String> method, int times) {
    this(code, method.map(Set::of).orElse(Set.of()), times);
  }

  /** @param methods the methods it applies to, counted together; empty for all */
  public FaultRule(Status.Code code, Set<String> methods, int times) {
    this.code = code;
    this.methods = Set.copyOf(methods);
    this.remaining = times;
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

  ApiError error(String projectHint) {
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
