package dev.secretstore.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations (with deleteSource) killed with SIGKILL at random points, in child JVMs, then resumed. After every
 * kill: no secret in the target has a version the source lacks or a version twice (its history is a prefix of
 * the source's), and no secret is gone from the source unless its whole history is in the target. After the
 * final rerun: every secret is in the target exactly once, with every version, and the source is empty.
 */
@DisplayName("Migrations killed at random points and rerun")
class CrashRecoveryTest {

    static final int SECRETS = 8;
    static final int MIN_KILLS = 32;
    static final int KILLS_PER_ROUND = 8;
    static final int MAX_ROUNDS = 14;

    @TempDir
    Path tmp;

    @Test
    @DisplayName("end, after a rerun, with every secret in the target exactly once, verified, and nothing unverified deleted")
    void killedAndRerun() throws Exception {
        long seed = Long.getLong("migrate.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        int kills = 0;
        int rounds = 0;
        while (kills < MIN_KILLS && rounds < MAX_ROUNDS) {
            rounds++;
            Path dir = tmp.resolve("round-" + rounds);
            Path from = dir.resolve("a");
            Path to = dir.resolve("b");
            Path journal = dir.resolve("run.journal");
            Map<String, List<String>> seeded = seed(from, rounds, random);
            for (int attempt = 0; attempt < KILLS_PER_ROUND; attempt++) {
                int remaining = sourceCount(from);
                if (remaining == 0) {
                    break;
                }
                // Each run prints one line per secret finished and one per secret deleted: 2 x remaining in all.
                int killAfter = 1 + random.nextInt(Math.max(1, 2 * remaining - 1));
                Path log = Files.createTempFile(dir, "child", ".err");
                try (ChildProcess child = ChildProcess.start(log, from.toString(), to.toString(), journal.toString())) {
                    boolean ended = false;
                    for (int i = 0; i < killAfter && !ended; i++) {
                        String line = child.readLine();
                        ended = line.equals(ChildProcess.END_OF_OUTPUT) || line.startsWith("end");
                    }
                    if (!ended) {
                        Thread.sleep(random.nextInt(15)); // lands anywhere in the writes under way
                    }
                    if (!ended && child.kill()) {
                        kills++;
                    }
                }
                checkAfterKill(from, to, seeded, "seed " + seed + ", round " + rounds + ", attempt " + attempt);
            }
            try (SecretStore source = LocalStores.open(from); SecretStore target = LocalStores.open(to)) {
                MigrationReport report = Migration.builder(source, target).journal(journal).deleteSource(true)
                        .concurrency(4).throttleRetries(5, Duration.ofMillis(1), Duration.ofMillis(10)).build().run();
                assertThat(report.succeeded()).as("rerun of round %d (seed %d): %s", rounds, seed, report.failures())
                        .isTrue();
            }
            checkFinished(from, to, seeded, "seed " + seed + ", round " + rounds);
        }
        assertThat(kills).as("child runs killed while running (seed %d)", seed).isGreaterThanOrEqualTo(MIN_KILLS);
    }

    /** Secrets with one to three versions and a tag or none; values unique per round. */
    private static Map<String, List<String>> seed(Path dir, int round, Random random) {
        Map<String, List<String>> seeded = new LinkedHashMap<>();
        try (SecretStore store = LocalStores.open(dir)) {
            for (int i = 0; i < SECRETS; i++) {
                String name = "conn/" + i + "/password";
                List<String> values = new ArrayList<>();
                int versions = 1 + random.nextInt(3);
                for (int v = 0; v < versions; v++) {
                    values.add("r" + round + "-s" + i + "-v" + v);
                }
                SecretName n = SecretName.of(name);
                store.create(n, SecretValue.ofText(values.get(0)), i % 2 == 0 ? Map.of("team", "t" + i) : Map.of());
                values.subList(1, values.size()).forEach(v -> store.put(n, SecretValue.ofText(v)));
                seeded.put(name, values);
            }
        }
        return seeded;
    }

    private static int sourceCount(Path dir) {
        try (SecretStore store = LocalStores.open(dir); var all = store.listAll(null)) {
            return (int) all.count();
        }
    }

    private static List<String> history(SecretStore store, String name) {
        SecretName n = SecretName.of(name);
        if (store.find(n).isEmpty()) {
            return List.of();
        }
        return store.listVersions(n).stream().map(v -> store.read(n, v).value().text()).collect(Collectors.toList());
    }

    private static void checkAfterKill(Path from, Path to, Map<String, List<String>> seeded, String where) {
        try (SecretStore source = LocalStores.open(from); SecretStore target = LocalStores.open(to)) {
            try (var all = target.listAll(null)) {
                assertThat(all.map(m -> m.name().value())).as("target names, %s", where).isSubsetOf(seeded.keySet());
            }
            seeded.forEach((name, values) -> {
                List<String> copied = history(target, name);
                assertThat(copied.size()).as("%s: versions in the target, %s", name, where)
                        .isLessThanOrEqualTo(values.size());
                assertThat(copied).as("%s in the target is a prefix of its source history, %s", name, where)
                        .isEqualTo(values.subList(0, copied.size()));
                if (source.find(SecretName.of(name)).isEmpty()) {
                    assertThat(copied).as("%s was deleted from the source, so it is wholly in the target, %s", name, where)
                            .isEqualTo(values);
                }
            });
        }
    }

    private static void checkFinished(Path from, Path to, Map<String, List<String>> seeded, String where) {
        try (SecretStore source = LocalStores.open(from); SecretStore target = LocalStores.open(to)) {
            try (var all = source.listAll(null)) {
                assertThat(all.map(SecretMetadata::name)).as("source after the rerun, %s", where).isEmpty();
            }
            try (var all = target.listAll(null)) {
                assertThat(all.map(m -> m.name().value()).collect(Collectors.toList()))
                        .as("target names, each once, %s", where).containsExactlyInAnyOrderElementsOf(seeded.keySet());
            }
            seeded.forEach((name, values) -> {
                assertThat(history(target, name)).as("%s, %s", name, where).isEqualTo(values);
                int i = Integer.parseInt(name.split("/")[1]);
                if (i % 2 == 0) {
                    assertThat(target.describe(SecretName.of(name)).tags()).containsEntry("team", "t" + i);
                }
            });
        }
    }
}
