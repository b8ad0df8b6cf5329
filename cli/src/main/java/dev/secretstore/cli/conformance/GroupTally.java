package dev.secretstore.cli.conformance;

/** Passed, failed and skipped tests of one conformance group. */
public final class GroupTally {

    private final String group;
    private int passed;
    private int failed;
    private int skipped;

    GroupTally(String group) {
        this.group = group;
    }

    void pass() {
        passed++;
    }

    void fail() {
        failed++;
    }

    void skip(int tests) {
        skipped += tests;
    }

    public String group() {
        return group;
    }

    public int passed() {
        return passed;
    }

    public int failed() {
        return failed;
    }

    public int skipped() {
        return skipped;
    }
}
