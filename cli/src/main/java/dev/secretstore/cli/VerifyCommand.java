package dev.secretstore.cli;

import dev.secretstore.SecretStore;
import dev.secretstore.VerificationReport;
import dev.secretstore.VerificationStep;
import dev.secretstore.VerifyOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code secretstore verify}: the documented check that a config works (create a test secret, read it
 * back, confirm its managed tag, delete it). Exit code 0 only when every required step passed; otherwise
 * the first failed step's kind of failure chooses 3, 4 or 1 ({@link ExitCodes#of(VerificationReport)}).
 */
@Command(name = "verify", mixinStandardHelpOptions = true, description = {
    "Check that the configured store works.",
    "Creates a test secret, reads it back, confirms it carries <tagKey>=true, and deletes it",
    "(unless --keep). Exit code 0 only when every required step passed; when one failed,",
    "3 if the first failure was access denied or authentication, 4 if the store was",
    "unavailable or throttling, otherwise 1."})
final class VerifyCommand extends Subcommand {

    /** Shown when neither the engine nor the provider knows a likely cause. */
    static final String NO_HINT = "see 'Troubleshooting' in the README for this provider's common causes";

    @Mixin
    StoreOption store;

    @Option(names = "--keep", description = "Keep the test secret, to look at it in the cloud console.")
    boolean keep;

    @Override
    public Integer call() {
        VerificationReport report;
        try (SecretStore opened = store.open(io().in())) {
            report = opened.verify(VerifyOptions.of(keep));
        }
        int exitCode = ExitCodes.of(report);
        if (json()) {
            printJson(document(report, exitCode));
        } else {
            printText(report);
        }
        return exitCode;
    }

    private void printText(VerificationReport report) {
        PrintWriter out = out();
        out.println("Verifying the '" + report.provider() + "' store");
        List<VerificationStep> steps = report.steps();
        int width = steps.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (VerificationStep step : steps) {
            out.printf("  %s %-" + width + "s  %6s  %s%s%n", StepMarks.mark(step.status()), step.name(),
                    millis(step.duration()), detailWithoutRemediation(step), step.required() ? "" : " (optional step)");
            if (StepMarks.isProblem(step.status())) {
                out.println("      fix: " + step.remediation().orElse(NO_HINT));
            }
        }
        long failed = steps.stream().filter(s -> s.required() && StepMarks.isFailure(s.status())).count();
        out.println(report.passed()
                ? "✓ verification passed (" + millis(report.total()) + ")"
                : "✗ verification failed: " + failed + " required step(s) failed (" + millis(report.total()) + ")");
        out.flush();
    }

    /** Failure details are exception messages that end with the remediation, which gets its own line here. */
    private static String detailWithoutRemediation(VerificationStep step) {
        String detail = step.detail().orElse("");
        String suffix = step.remediation().map(hint -> ". Remediation: " + hint).orElse(null);
        return suffix != null && detail.endsWith(suffix) ? detail.substring(0, detail.length() - suffix.length()) : detail;
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private static Map<String, Object> document(VerificationReport report, int exitCode) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("provider", report.provider());
        document.put("passed", report.passed());
        document.put("exitCode", exitCode);
        document.put("totalMillis", report.total().toMillis());
        document.put("steps", report.steps().stream().map(VerifyCommand::step).toList());
        return document;
    }

    private static Map<String, Object> step(VerificationStep step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", step.name());
        m.put("status", step.status().name());
        m.put("required", step.required());
        m.put("millis", step.duration().toMillis());
        step.detail().ifPresent(d -> m.put("detail", detailWithoutRemediation(step)));
        step.remediation().ifPresent(r -> m.put("remediation", r));
        step.failureKind().ifPresent(kind -> m.put("failureKind", kind.name()));
        return m;
    }
}
