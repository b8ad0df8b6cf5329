package dev.secretstore.cli.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Tallies a kit run per group. A group is a {@code @Nested} class of the kit: the level just below the
 * test class in the test plan (engine, class, group, tests...).
 */
final class GroupSummaryListener implements TestExecutionListener {

    private final Consumer<String> progress;
    private final Set<String> credentials;
    private final Map<String, GroupTally> groups = new LinkedHashMap<>();
    private final List<Outcome> failures = new ArrayList<>();
    private final List<Outcome> skips = new ArrayList<>();
    private TestPlan plan;
    private int finished;

    /**
     * @param progress    receives one short line per finished test (shown only on a terminal)
     * @param credentials masked wherever they occur in a failure's message
     */
    GroupSummaryListener(Consumer<String> progress, Set<String> credentials) {
        this.progress = progress;
        this.credentials = Set.copyOf(credentials);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        int tests = id.isTest() ? 1 : (int) plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
        if (tests == 0 && !id.isTest()) {
            return;
        }
        tally(id).skip(tests);
        skips.add(new Outcome(groupName(id), id.getDisplayName(), reason));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> tally(id).pass();
            case ABORTED -> {
                tally(id).skip(1);
                skips.add(new Outcome(groupName(id), id.getDisplayName(), skipReason(result.getThrowable())));
            }
            case FAILED -> {
                tally(id).fail();
                failures.add(new Outcome(groupName(id), id.getDisplayName(), result.getThrowable()
                        .map(t -> FailureReason.of(t, credentials)).orElse("no reason given")));
            }
        }
        if (id.isTest()) {
            finished++;
            progress.accept("[" + finished + "] " + groupName(id) + " > " + id.getDisplayName());
        }
    }

    ConformanceSummary summary() {
        return new ConformanceSummary(List.copyOf(groups.values()), List.copyOf(failures), List.copyOf(skips));
    }

    private GroupTally tally(TestIdentifier id) {
        return groups.computeIfAbsent(groupName(id), GroupTally::new);
    }

    /** The display name of the group a test belongs to; the class itself when it sits directly in the class. */
    private String groupName(TestIdentifier id) {
        List<TestIdentifier> path = new ArrayList<>();
        for (Optional<TestIdentifier> at = Optional.of(id); at.isPresent(); at = plan.getParent(at.get())) {
            path.add(0, at.get());
        }
        // path: engine, test class, group, ...
        if (path.size() >= 3) {
            return path.get(2).getDisplayName();
        }
        return path.get(path.size() - 1).getDisplayName();
    }

    /** A skip is an aborted assumption: its message is the reason, the exception type is noise. */
    private static String skipReason(Optional<Throwable> abort) {
        return abort.map(Throwable::getMessage).map(m -> m.strip().lines().findFirst().orElse(""))
                .map(m -> m.replaceFirst("^Assumption failed: ", "")).filter(m -> !m.isEmpty())
                .orElse("no reason given");
    }
}
