package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The mutation suite: the kit must fail every {@link Mutant}, in the kit test named for it. Each mutant
 * runs through that one test only (a fresh local store per mutant), which keeps the suite to seconds.
 */
@DisplayName("the conformance kit kills every mutant provider")
class KitKillsEveryMutantTest {

    /** The mutant the next {@link MutantKit} run uses; the launcher runs it on this thread. */
    private static volatile Mutant current;

    /** One row per mutant, written to {@code target/mutation-report.md} for the README's mutation report. */
    private static final Map<Mutant, String> REPORT = new ConcurrentSkipListMap<>();

    @AfterAll
    static void writeReport() throws IOException {
        long killed = REPORT.values().stream().filter(row -> row.contains("| killed |")).count();
        StringBuilder report = new StringBuilder("# Mutation report\n\nKilled " + killed + " of " + Mutant.values().length
                + " mutants (" + (REPORT.isEmpty() ? 0 : 100 * killed / Mutant.values().length) + "% of all; "
                + REPORT.size() + " run).\n\n| mutant | bug | kit test | result | first line of the kit's failure |\n|---|---|---|---|---|\n");
        REPORT.values().forEach(report::append);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("mutation-report.md"), report);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mutant.class)
    @DisplayName("the kit test named for the mutant fails on it")
    void theKitTestNamedForTheMutantFailsOnIt(Mutant mutant) {
        current = mutant;
        List<TestExecutionResult> results;
        try {
            results = KitCatchesBrokenProvidersTest.run(MutantKit.class, mutant.group, mutant.kitTest);
        } finally {
            current = null;
        }

        String firstFailure = results.stream().filter(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                .flatMap(r -> r.getThrowable().stream()).findFirst()
                .map(t -> (t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).strip()).lines().findFirst().orElse(""))
                .map(line -> line.length() > 160 ? line.substring(0, 157) + "..." : line)
                .orElse("");
        boolean killed = results.stream().anyMatch(r -> r.getStatus() == TestExecutionResult.Status.FAILED);
        REPORT.put(mutant, "| " + mutant + " | " + mutant.bug + " | " + mutant.kitTestName() + " | "
                + (killed ? "killed" : "SURVIVED") + " | " + firstFailure.replace("|", "\\|") + " |\n");
        assertThat(results).as("runs of %s", mutant.kitTestName()).isNotEmpty();
        assertThat(results.stream().map(TestExecutionResult::getStatus))
                .as("%s on a provider that %s (survived: the kit lacks a check)", mutant.kitTestName(), mutant.bug)
                .contains(TestExecutionResult.Status.FAILED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kitTestsNamedForMutants")
    @DisplayName("each kit test named for a mutant passes on the healthy stack, so a kill is the mutant's doing")
    void eachKitTestNamedForAMutantPassesOnTheHealthyStack(String kitTest) {
        String[] parts = kitTest.split("\\.");

        List<TestExecutionResult> results = KitCatchesBrokenProvidersTest.run(HealthyKit.class, parts[0], parts[1]);

        assertThat(results).isNotEmpty().allSatisfy(result -> assertThat(result.getStatus())
                .as("%s on the healthy local stack: %s", kitTest, result.getThrowable().map(Throwable::toString).orElse(""))
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    }

    static Stream<String> kitTestsNamedForMutants() {
        return Arrays.stream(Mutant.values()).map(Mutant::kitTestName).distinct();
    }

    @Test
    @DisplayName("there are at least 30 mutants, covering every group that can catch a provider bug")
    void theSuiteCoversEveryGroup() {
        Set<String> groups = Arrays.stream(Mutant.values()).map(m -> m.group).collect(Collectors.toSet());
        assertThat(Mutant.values()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(groups).contains("Names", "RoundTrip", "Ownership", "Tags", "Listing", "LeastPrivilege", "Versions",
                "Capabilities", "BatchReads", "Faults", "Redaction");
    }

    /** The kit over the fixture's healthy stack, the same one the mutants change. */
    static class HealthyKit extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.withStack(counted -> new RetryingProvider(counted, LocalFixture.MAX_ATTEMPTS), Map.of());
        }
    }

    /** The kit over the current mutant; only ever run through the launcher above. */
    static class MutantKit extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            Mutant mutant = current;
            return LocalFixture.withStack(mutant::stack, Map.of());
        }
    }
}
