package dev.secretstore.connections;

import java.util.List;

/**
 * What one sweep found: the orphans it deleted (or, in a dry run, would delete), and how many managed
 * connection secrets it looked at. Names and dates only, never a value.
 *
 * @param dryRun   whether nothing was deleted on purpose
 * @param examined managed secrets with a connection coordinate that were looked at
 * @param orphans  the unreferenced secrets past their grace period or expiry
 * @param young    unreferenced secrets kept because they are within the grace period (or not yet expired)
 */
public record SweepReport(boolean dryRun, int examined, List<SweptSecret> orphans, int young) {

    /** Copies the list. */
    public SweepReport {
        orphans = List.copyOf(orphans);
    }

    /** @return one line per orphan, then a summary line */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>(orphans.stream().map(SweptSecret::line).toList());
        lines.add((dryRun ? "dry run: " : "") + orphans.size() + " orphaned of " + examined + " examined; "
                + young + " unreferenced kept within the grace period");
        return lines;
    }
}
