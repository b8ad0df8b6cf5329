package dev.secretstore;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Result of {@link SecretStore#verify()}: one {@link VerificationStep} per step, in order.
 *
 * <pre>{@code
 * VerificationReport report = store.verify();
 * System.out.println(report);          // one line per step
 * if (!report.passed()) System.exit(1);
 * }</pre>
 */
public final class VerificationReport {

    private final String provider;
    private final List<VerificationStep> steps;
    private final Duration total;

    /**
     * @param provider provider name
     * @param steps    the steps in order
     * @param total    total time
     */
    public VerificationReport(String provider, List<VerificationStep> steps, Duration total) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.steps = List.copyOf(steps);
        this.total = Objects.requireNonNull(total, "total");
    }

    /** @return provider name */
    public String provider() {
        return provider;
    }

    /** @return the steps, in order */
    public List<VerificationStep> steps() {
        return steps;
    }

    /** @return whether no required step failed */
    public boolean passed() {
        return steps.stream().noneMatch(s -> s.required() && s.status() == VerificationStep.Status.FAILED);
    }

    /** @return total time */
    public Duration total() {
        return total;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("verify ").append(provider).append(": ")
                .append(passed() ? "PASSED" : "FAILED").append(" in ").append(total.toMillis()).append(" ms");
        steps.forEach(s -> sb.append(System.lineSeparator()).append("  ").append(s));
        return sb.toString();
    }
}
