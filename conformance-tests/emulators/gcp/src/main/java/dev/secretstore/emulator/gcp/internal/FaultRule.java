package dev.secretstore.emulator.gcp.internal;

import io.grpc.Status;
import java.util.Optional;

/** An injected failure: which code, for which method (or all), how many more times (negative: until cleared). */
public final class FaultRule {
  private final Status.Code code;
  private final Optional<String> method;
  private int remaining;

  public FaultRule(Status.Code code, Optional<String> method, int times) {
    this.code = code;
    this.method = method;
    this.remaining = times;
  }

  /** Consumes one use if the rule applies to this method. */
  synchronized boolean fire(String rpc) {
    if (remaining == 0 || (method.isPresent() && !method.get().equals(rpc))) {
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
