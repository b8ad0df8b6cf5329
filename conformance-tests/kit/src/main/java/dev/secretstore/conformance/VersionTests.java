package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.Capability;
import dev.secretstore.DeleteOptions;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group 5a: put adds a version; older versions stay readable where the store keeps them. */
abstract class VersionTests extends ConformanceGroup {

    @Test
    @DisplayName("put on an existing secret makes the new value the latest")
    void putMakesTheNewValueTheLatest() {
        SecretName name = name("versioned");
        store().create(name, text("v1"));

        store().put(name, text("v2"));

        assertThat(store().read(name).value().text()).isEqualTo("v2");
    }

    @Test
    @DisplayName("with VERSIONS each put gets a new version id that read and describe report (else not supported)")
    void putAddsAVersionWithItsOwnId() {
        SecretName name = name("versioned");
        SecretMetadata first = store().create(name, text("v1"));
        if (!supports(Capability.VERSIONS)) {
            assertNotSupported(() -> store().read(name, first.version().orElse("1")),
                    Capability.VERSIONS, Capability.READ_SPECIFIC_VERSION);
            return;
        }

        SecretMetadata second = store().put(name, text("v2"));

        assertThat(first.version()).as("version id of the first value").isPresent();
        assertThat(second.version()).as("version id of the second value").isPresent().isNotEqualTo(first.version());
        Secret latest = store().read(name);
        assertThat(latest.version()).isEqualTo(second.version().orElseThrow());
        assertThat(store().describe(name).version()).isEqualTo(second.version());
    }

    @Test
    @DisplayName("after 12 puts the latest read is the last value written, and read and describe name its version")
    void latestIsTheLastValueWrittenAfterManyPuts() {
        SecretName name = name("many-versions");
        store().create(name, text("value 1"));
        SecretMetadata last = null;
        // Twelve values: version ids "1".."12" sort as text with "9" last, so "the largest id" is not "the latest".
        for (int i = 2; i <= 12; i++) {
            last = store().put(name, text("value " + i));
        }

        Secret latest = store().read(name);
        assertThat(latest.value().text()).as("the latest value after 12 writes").isEqualTo("value 12");
        if (supports(Capability.VERSIONS)) {
            assertThat(last.version()).as("version id returned by the last put").isPresent();
            assertThat(latest.version()).as("version of the latest read").isEqualTo(last.version().orElseThrow());
            assertThat(store().describe(name).version()).as("version describe reports").isEqualTo(last.version());
        }
        assertThat(store().readAll(List.of(name)).get(name).secret())
                .hasValueSatisfying(secret -> assertThat(secret.value().text()).isEqualTo("value 12"));
    }

    @Test
    @DisplayName("a put moves updatedAt forward and leaves createdAt as it was")
    void putAdvancesUpdatedAtAndKeepsCreatedAt() throws InterruptedException {
        SecretName name = name("timestamps");
        store().create(name, text("v1"));
        SecretMetadata before = store().describe(name);
        Assumptions.assumeTrue(before.createdAt().isPresent() && before.updatedAt().isPresent(),
                "the store reports no createdAt/updatedAt in describe");
        // Clouds report timestamps to the second; wait past the next one so "later" is visible.
        Thread.sleep(1_100);

        store().put(name, text("v2"));

        SecretMetadata after = store().describe(name);
        assertThat(after.createdAt()).as("createdAt after a put").isEqualTo(before.createdAt());
        assertThat(after.updatedAt()).as("updatedAt after a put").isPresent();
        assertThat(after.updatedAt().orElseThrow()).as("updatedAt after a put (before: %s)", before.updatedAt().orElseThrow())
                .isAfter(before.updatedAt().orElseThrow());
    }

    @Test
    @DisplayName("with VERSIONS, concurrent puts on one name each get a distinct version that reads back its own value")
    void concurrentPutsYieldDistinctReadableVersions() throws Exception {
        SecretName name = name("contended");
        store().create(name, text("initial"));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SecretMetadata>> puts = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String value = "writer " + i;
                puts.add(pool.submit(() -> {
                    start.await();
                    return store().put(name, text(value));
                }));
            }
            start.countDown();
            Set<String> versions = new LinkedHashSet<>();
            for (Future<SecretMetadata> put : puts) {
                put.get(60, TimeUnit.SECONDS).version().ifPresent(versions::add);
            }
            assertThat(store().read(name).value().text()).as("the latest value after concurrent puts").startsWith("writer ");
            if (!supports(Capability.VERSIONS)) {
                return;
            }
            assertThat(versions).as("distinct version ids returned by %d concurrent puts", writers).hasSize(writers);
            if (supports(Capability.READ_SPECIFIC_VERSION)) {
                for (int i = 0; i < writers; i++) {
                    String version = puts.get(i).get().version().orElseThrow();
                    assertThat(store().read(name, version).value().text()).as("value of version %s", version)
                            .isEqualTo("writer " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("with READ_SPECIFIC_VERSION, after a forced delete and re-create no version of the earlier life is readable")
    void versionOfAnEarlierLifeIsNotReadableAfterRecreate() {
        SecretName name = name("reborn");
        SecretMetadata first = store().create(name, text("first life, v1"));
        SecretMetadata second = store().put(name, text("first life, v2"));
        store().delete(name, DeleteOptions.force());
        store().create(name, text("second life"));
        if (!supports(Capability.READ_SPECIFIC_VERSION)) {
            return; // readsAnOlderVersionById asserts the "not supported" answer
        }

        for (SecretMetadata earlier : List.of(first, second)) {
            String version = earlier.version().orElseThrow();
            Throwable failure = catchThrowable(() -> {
                // Numbered stores reuse "1" for the new life: then it must be the new life's value.
                assertThat(store().read(name, version).value().text()).as("version %s after re-create", version)
                        .isEqualTo("second life");
            });
            if (failure != null && !(failure instanceof SecretNotFoundException)) {
                throw failure instanceof AssertionError assertion ? assertion : new AssertionError(failure);
            }
        }
    }

    @Test
    @DisplayName("with READ_SPECIFIC_VERSION an older version reads back by its id (else not supported)")
    void readsAnOlderVersionById() {
        SecretName name = name("versioned");
        SecretMetadata first = store().create(name, text("v1"));
        if (!supports(Capability.READ_SPECIFIC_VERSION)) {
            assertNotSupported(() -> store().read(name, first.version().orElse("1")),
                    Capability.READ_SPECIFIC_VERSION, Capability.VERSIONS);
            return;
        }
        SecretMetadata second = store().put(name, text("v2"));

        Secret older = store().read(name, first.version().orElseThrow());
        Secret newer = store().read(name, second.version().orElseThrow());

        assertThat(older.value().text()).isEqualTo("v1");
        assertThat(older.version()).isEqualTo(first.version().orElseThrow());
        assertThat(newer.value().text()).isEqualTo("v2");
    }

    @Test
    @DisplayName("with READ_SPECIFIC_VERSION an unknown version id raises SecretNotFoundException (else not supported)")
    void unknownVersionIsNotFound() {
        SecretName name = name("versioned");
        SecretMetadata first = store().create(name, text("v1"));
        String current = first.version().orElse("1");
        // Some stores number versions, others use opaque ids: ask for one of the same shape that does not exist.
        String unknown = current.matches("\\d+") ? "987654321" : UUID.randomUUID().toString();
        if (!supports(Capability.READ_SPECIFIC_VERSION)) {
            assertNotSupported(() -> store().read(name, unknown), Capability.READ_SPECIFIC_VERSION, Capability.VERSIONS);
            return;
        }

        Throwable failure = catchThrowable(() -> store().read(name, unknown));

        assertThat(failure).isInstanceOf(SecretNotFoundException.class);
        assertThat(((SecretNotFoundException) failure).secretName()).contains(name);
    }
}
