package dev.secretstore.cli.conformance;

import java.util.List;

/**
 * The result of one kit run.
 *
 * @param groups   per-group tallies, in the order the kit ran them
 * @param failures every failed test (or failed group setup)
 * @param skips    every skipped test with the fixture's or the kit's reason
 */
public record ConformanceSummary(List<GroupTally> groups, List<Outcome> failures, List<Outcome> skips) {

    public int passed() {
        return groups.stream().mapToInt(GroupTally::passed).sum();
    }

    public int failed() {
        return groups.stream().mapToInt(GroupTally::failed).sum();
    }

    public int skipped() {
        return groups.stream().mapToInt(GroupTally::skipped).sum();
    }

    /** Passed means something ran and nothing failed; an empty run is not a pass. */
    public boolean successful() {
        return failed() == 0 && failures.isEmpty() && passed() + skipped() > 0;
    }
}
