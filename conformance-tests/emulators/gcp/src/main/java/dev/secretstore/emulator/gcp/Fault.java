package dev.secretstore.emulator.gcp;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A failure to inject: the status every matching call gets, optionally only for some methods (e.g.
 * {@code "AccessSecretVersion"}) and only a number of times, counted over those methods together. Immutable.
 */
public final class Fault {
  /** The failures the emulator can inject. */
  public enum Kind {
    UNAVAILABLE, RESOURCE_EXHAUSTED, INTERNAL, DEADLINE_EXCEEDED,
    /**
     * The Secret Manager API is not enabled in the request's project: PERMISSION_DENIED with an ErrorInfo of reason
     * {@code SERVICE_DISABLED}, domain {@code googleapis.com}, metadata {@code consumer}, {@code service},
     * {@code activationUrl}, as Google's front end sends it. Raised after authentication.
     */
    SERVICE_DISABLED,
    /**
     * The request's project does not exist: PERMISSION_DENIED "Permission denied on resource project P." with an
     * ErrorInfo of reason {@code CONSUMER_INVALID} (what an unknown project always gets). Raised after
     * authentication.
     */
    CONSUMER_INVALID
  }

  private final Kind kind;
  private final Set<String> methods;
  private final int times;
  private final boolean afterApplying;

  private Fault(Kind kind, Set<String> methods, int times, boolean afterApplying) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.methods = Set.copyOf(methods);
    this.times = times;
    this.afterApplying = afterApplying;
  }

  /** Every call fails with {@code kind} until the faults are cleared. */
  public static Fault of(Kind kind) {
    return new Fault(kind, Set.of(), -1, false);
  }

  public Fault onlyFor(String method) {
    return new Fault(kind, Set.of(Objects.requireNonNull(method, "method")), times, afterApplying);
  }

  /**
   * The call is carried out first and only its response is replaced by the failure, as when a response is lost on
   * its way back (a DEADLINE_EXCEEDED after the server committed): a retried CreateSecret then meets its own secret.
   * Not for {@code SERVICE_DISABLED} / {@code CONSUMER_INVALID}, which refuse a request before it is applied.
   */
  public Fault afterApplying() {
    if (kind == Kind.SERVICE_DISABLED || kind == Kind.CONSUMER_INVALID) {
      throw new IllegalArgumentException(kind + " refuses a request before it is applied");
    }
    return new Fault(kind, methods, times, true);
  }

  /** Whether the call is applied before it fails (see {@link #afterApplying()}). */
  public boolean appliesFirst() {
    return afterApplying;
  }

  /** Only calls of these methods; a counted fault is used up by that many of them together. */
  public Fault onlyFor(Collection<String> methods) {
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("name at least one method");
    }
    return new Fault(kind, new LinkedHashSet<>(methods), times, afterApplying);
  }

  /** Fails only the next {@code n} matching calls. */
  public Fault times(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("times must be positive");
    }
    return new Fault(kind, methods, n, afterApplying);
  }

  public Kind kind() {
    return kind;
  }

  /** The one method this fault is limited to; empty when it applies to all, or to several (see {@link #methods()}). */
  public Optional<String> method() {
    return methods.size() == 1 ? Optional.of(methods.iterator().next()) : Optional.empty();
  }

  /** The methods this fault is limited to; empty for all. */
  public Set<String> methods() {
    return methods;
  }

  /** How many more calls fail; empty means until cleared. */
  public Optional<Integer> remaining() {
    return times < 0 ? Optional.empty() : Optional.of(times);
  }

  @Override
  public String toString() {
    return "Fault[" + kind + (methods.isEmpty() ? "" : " on " + String.join(",", new java.util.TreeSet<>(methods))) + (times < 0 ? "" : " x" + times) + (afterApplying ? " after applying" : "") + "]";
  }
}
