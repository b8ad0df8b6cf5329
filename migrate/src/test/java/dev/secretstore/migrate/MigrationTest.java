package dev.secretstore.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Migration between two stores")
class MigrationTest {

    static final String CANARY = "canary-value-7f3a";

    @TempDir
    Path tmp;
    SecretStore source;
    SecretStore target;
    Path journal;

    @BeforeEach
    void open() {
        source = LocalStores.open(tmp.resolve("a"));
        target = LocalStores.open(tmp.resolve("b"));
        journal = tmp.resolve("run.journal");
    }

    @AfterEach
    void close() {
        source.close();
        target.close();
    }

    private void seed(SecretStore store, String name, Map<String, String> tags, String... values) {
        store.create(SecretName.of(name), SecretValue.ofText(values[0]), tags);
        for (int i = 1; i < values.length; i++) {
            store.put(SecretName.of(name), SecretValue.ofText(values[i]));
        }
    }

    private Migration.Builder migration() {
        return Migration.builder(source, target).journal(journal).concurrency(4)
                .throttleRetries(10, Duration.ofMillis(1), Duration.ofMillis(20));
    }

    private static List<String> history(SecretStore store, String name) {
        SecretName n = SecretName.of(name);
        return store.listVersions(n).stream().map(v -> store.read(n, v).value().text()).toList();
    }

    @Test
    @DisplayName("copies every managed secret under the prefix with all its versions in order and its user tags")
    void copiesHistoryAndTags() {
        seed(source, "conn/pg/password", Map.of("team", "data"), "p1", "p2", "p3");
        seed(source, "conn/mysql/password", Map.of(), "m1");
        seed(source, "other/key", Map.of(), "o1");

        MigrationReport report = migration().prefix("conn/").build().run();

        assertThat(report.succeeded()).isTrue();
        assertThat(report.allVersions()).isTrue();
        assertThat(report.secrets()).isEqualTo(2);
        assertThat(report.copied()).isEqualTo(2);
        assertThat(report.versionsCopied()).isEqualTo(4);
        assertThat(history(target, "conn/pg/password")).containsExactly("p1", "p2", "p3");
        assertThat(history(target, "conn/mysql/password")).containsExactly("m1");
        assertThat(target.describe(SecretName.of("conn/pg/password")).tags())
                .containsEntry("team", "data").containsEntry(target.managedTagKey(), "true");
        assertThat(target.find(SecretName.of("other/key"))).isEmpty();
        assertThat(source.find(SecretName.of("conn/pg/password"))).as("source kept without deleteSource").isPresent();
    }

    @Test
    @DisplayName("a second run over a finished migration writes nothing, to the target or the journal")
    void secondRunWritesNothing() throws IOException {
        seed(source, "a", Map.of("k", "v"), "1", "2");
        seed(source, "b", Map.of(), "x");
        migration().build().run();
        var before = target.describe(SecretName.of("a"));
        String journalBefore = Files.readString(journal);

        MigrationReport again = migration().build().run();

        assertThat(again.succeeded()).isTrue();
        assertThat(again.copied()).isZero();
        assertThat(again.alreadyMigrated()).isEqualTo(2);
        assertThat(again.versionsCopied()).isZero();
        assertThat(target.describe(SecretName.of("a"))).isEqualTo(before);
        assertThat(history(target, "a")).containsExactly("1", "2");
        assertThat(Files.readString(journal)).isEqualTo(journalBefore);
    }

    @Test
    @DisplayName("a version added to the source after the migration is copied by the next run, and only it")
    void laterVersionCopied() {
        seed(source, "a", Map.of(), "1");
        migration().build().run();
        source.put(SecretName.of("a"), SecretValue.ofText("2"));

        MigrationReport again = migration().build().run();

        assertThat(again.versionsCopied()).isEqualTo(1);
        assertThat(history(target, "a")).containsExactly("1", "2");
    }

    @Test
    @DisplayName("the dry run lists every name and tag the target cannot hold and writes nothing; a real run then refuses too")
    void dryRunFindsOffenders() {
        TestVault narrow = new TestVault("narrow", StoreLimits.builder().maxNameLength(12).maxTags(2)
                .tagValuePattern(Pattern.compile("[a-z0-9_-]*")).tagCharacters("lowercase letters, digits, _ and -")
                .build(), EnumSet.copyOf(TestVault.withHistory("x").open().capabilities()));
        seed(source, "ok", Map.of("team", "data"), "1");
        seed(source, "a-name-far-too-long", Map.of(), "1");
        seed(source, "upper", Map.of("team", "Data"), "1");
        seed(source, "many", Map.of("a", "1", "b", "2"), "1");
        try (SecretStore to = narrow.open()) {
            MigrationReport dry = Migration.builder(source, to).dryRun(true).build().run();

            assertThat(dry.dryRun()).isTrue();
            assertThat(dry.offenders()).extracting(p -> p.name().value())
                    .containsExactlyInAnyOrder("a-name-far-too-long", "upper", "many");
            assertThat(dry.offenders()).filteredOn(p -> p.name().value().equals("upper")).singleElement()
                    .satisfies(p -> assertThat(p.reason()).contains("tag 'team'").doesNotContain("Data"));
            assertThat(dry.offenders()).filteredOn(p -> p.name().value().equals("many")).singleElement()
                    .satisfies(p -> assertThat(p.reason()).contains("at most 2"));
            assertThat(narrow.writes.get()).isZero();
            assertThat(journal).doesNotExist();

            MigrationReport real = Migration.builder(source, to).journal(journal).build().run();
            assertThat(real.succeeded()).isFalse();
            assertThat(real.offenders()).hasSize(3);
            assertThat(narrow.names()).as("nothing written, not even the acceptable secret").isEmpty();
        }
    }

    @Test
    @DisplayName("a copy that reads back different from the source fails that secret, is reported and never journaled as copied")
    void mismatchReported() throws IOException {
        TestVault vault = TestVault.withHistory("vault");
        vault.corruptReadsOf = n -> n.equals("bad");
        seed(source, "bad", Map.of(), "1");
        seed(source, "good", Map.of(), "1");
        try (SecretStore to = vault.open()) {
            MigrationReport report = Migration.builder(source, to).journal(journal).deleteSource(true).build().run();

            assertThat(report.succeeded()).isFalse();
            assertThat(report.failures()).singleElement().satisfies(p -> {
                assertThat(p.name().value()).isEqualTo("bad");
                assertThat(p.reason()).contains("digest mismatch");
            });
            assertThat(report.copied()).isEqualTo(1);
            assertThat(report.deletedFromSource()).isZero();
            assertThat(report.deletionSkipped()).hasValueSatisfying(s -> assertThat(s).contains("1 secret(s) failed"));
            assertThat(source.find(SecretName.of("good"))).as("nothing deleted after a failed run").isPresent();
            assertThat(Files.readAllLines(journal)).noneMatch(l -> l.contains("\"copied\"") && l.contains("\"bad\""));

            MigrationReport again = Migration.builder(source, to).journal(journal).build().run();
            assertThat(again.failures()).as("never silently accepted on a rerun").singleElement()
                    .satisfies(p -> assertThat(p.reason()).contains("digest mismatch"));
        }
    }

    @Test
    @DisplayName("a write whose verification failed is resolved from the target by the next run, without a second copy")
    void pendingWriteResolved() {
        TestVault vault = TestVault.withHistory("vault");
        seed(source, "a", Map.of(), "1", "2");
        try (SecretStore to = vault.open()) {
            vault.failNextReads.set(1); // the read-back of the first version fails after the write
            MigrationReport first = Migration.builder(source, to).journal(journal).build().run();
            assertThat(first.failures()).hasSize(1);
            assertThat(vault.values("a")).containsExactly("1");

            MigrationReport second = Migration.builder(source, to).journal(journal).build().run();

            assertThat(second.succeeded()).isTrue();
            assertThat(second.versionsCopied()).isEqualTo(1);
            assertThat(vault.values("a")).containsExactly("1", "2");
        }
    }

    @Test
    @DisplayName("throttling beyond the provider's retries slows the run (lower concurrency, backoff) but does not fail it")
    void throttlingSlowsNeverFails() {
        TestVault vault = TestVault.withHistory("vault");
        for (int i = 0; i < 20; i++) {
            seed(source, "s" + i, Map.of(), "v" + i);
        }
        AtomicInteger lowest = new AtomicInteger(Integer.MAX_VALUE);
        try (SecretStore to = vault.open()) {
            vault.throttleNext.set(25);
            MigrationReport report = Migration.builder(source, to).journal(journal).concurrency(8)
                    .throttleRetries(50, Duration.ofMillis(1), Duration.ofMillis(10))
                    .listener(new MigrationListener() {
                        @Override
                        public void throttled(SecretName name, int concurrency) {
                            lowest.accumulateAndGet(concurrency, Math::min);
                        }
                    }).build().run();

            assertThat(report.succeeded()).isTrue();
            assertThat(report.copied()).isEqualTo(20);
            assertThat(report.throttled()).isGreaterThan(0);
            assertThat(lowest.get()).as("concurrency lowered").isLessThan(8);
            for (int i = 0; i < 20; i++) {
                assertThat(vault.values("s" + i)).containsExactly("v" + i);
            }
        }
    }

    @Test
    @DisplayName("deleteSource deletes from the source only verified secrets, after the whole run succeeded")
    void deleteSource() {
        seed(source, "a", Map.of(), "1", "2");
        seed(source, "b", Map.of(), "x");

        MigrationReport report = migration().deleteSource(true).build().run();

        assertThat(report.succeeded()).isTrue();
        assertThat(report.deletedFromSource()).isEqualTo(2);
        assertThat(source.listAll(null).count()).isZero();
        assertThat(history(target, "a")).containsExactly("1", "2");
    }

    @Test
    @DisplayName("from a source that cannot list versions only the latest is copied, and the report says so")
    void latestOnly() {
        TestVault vault = TestVault.latestOnly("plainvault");
        try (SecretStore from = vault.open()) {
            from.create(SecretName.of("a"), SecretValue.ofText("old"));
            from.put(SecretName.of("a"), SecretValue.ofText("new"));

            MigrationReport report = Migration.builder(from, target).journal(journal).build().run();

            assertThat(report.allVersions()).isFalse();
            assertThat(report.history()).contains("latest version only").contains("plainvault")
                    .contains("LIST_VERSIONS");
            assertThat(history(target, "a")).containsExactly("new");
        }
    }

    @Test
    @DisplayName("a secret already in the target with the same values is adopted; with other values it fails untouched")
    void existingInTarget() {
        seed(source, "same", Map.of(), "1", "2");
        seed(source, "other", Map.of(), "1");
        seed(target, "same", Map.of(), "1", "2");
        seed(target, "other", Map.of(), "different");

        MigrationReport report = migration().build().run();

        assertThat(report.alreadyMigrated()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(p -> {
            assertThat(p.name().value()).isEqualTo("other");
            assertThat(p.reason()).contains("other values");
        });
        assertThat(history(target, "same")).containsExactly("1", "2");
        assertThat(history(target, "other")).containsExactly("different");
    }

    @Test
    @DisplayName("the journal holds names, versions and salted digests, never a value, and is private to its owner")
    void journalHoldsNoValue() throws IOException {
        seed(source, "a", Map.of(), CANARY);
        migration().build().run();

        String content = Files.readString(journal);
        assertThat(content).contains("\"a\"").contains("hmac-sha256:").doesNotContain(CANARY);
        if (Files.getFileStore(journal).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    @DisplayName("a journal of another migration is refused before anything is written")
    void journalOfAnotherMigration() {
        seed(source, "a", Map.of(), "1");
        migration().prefix("x/").build().run();

        assertThatThrownBy(() -> migration().build().run()).isInstanceOf(MigrationJournalException.class)
                .hasMessageContaining("belongs to another migration");
        assertThat(target.find(SecretName.of("a"))).isEmpty();
    }

    @Test
    @DisplayName("a torn last journal line (a run killed mid-write) is dropped; a damaged line elsewhere is an error")
    void tornAndDamagedJournal() throws IOException {
        seed(source, "a", Map.of(), "1");
        migration().build().run();
        Files.writeString(journal, "{\"type\":\"copied\",\"na", java.nio.file.StandardOpenOption.APPEND);

        assertThat(migration().build().run().succeeded()).isTrue();
        assertThat(Files.readString(journal)).endsWith("\n");

        Files.writeString(journal, "not json\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> migration().build().run()).isInstanceOf(MigrationJournalException.class)
                .hasMessageContaining("damaged at line");
    }
}
