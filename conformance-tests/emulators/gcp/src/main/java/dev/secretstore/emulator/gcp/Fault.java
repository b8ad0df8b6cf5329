package dev.secretstore.emulator.gcp;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure to inject: the status every matching call gets, optionally only for one method (e.g.
 * {@code "AccessSecretVersion"}) and only a number of times. Immutable.
 */
public final class Fault {
  /** The failures the emulator can inject. */
  public enum Kind { UNAVAILABLE, RESOURCE_EXHAUSTED, INTERNAL, DEADLINE_EXCEEDED }

  private final Kind kind;
  private final Optional<String> method;
  private final int times;

  private Fault(Kind kind, Optional<String> method, int times) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.method = method;
    this.times = times;
  }

  /** Every call fails with {@code kind} until the faults are cleared. */
  public static Fault of(Kind kind) {
    return new Fault(kind, Optional.empty(), -1);
  }

  public Fault onlyFor(String method) {
    return new Fault(kind, Optional.of(method), times);
  }

  /** Fails only the next {@code n} matching calls. */
  public Fault times(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("times must be positive");
    }
    return new Fault(kind, method, n);
  }

  public Kind kind() {
    return kind;
  }

  public Optional<String> method() {
    return method;
  }

  /** How many more calls fail; empty means until cleared. */
  public Optional<Integer> remaining() {
    return times < 0 ? Optional.empty() : Optional.of(times);
  }

  @Override
  public String toString() {
    return "Fault[" + kind + method.map(m -> " on " + m).orElse("") + (times < 0 ? "" : " x" + times) + "]";
  }
}
