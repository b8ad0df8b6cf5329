package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.ReadResult;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group 5c: readAll gives one result per name, in order, with the reason for every missing one. */
abstract class BatchReadTests extends ConformanceGroup {

    @Test
    @DisplayName("readAll returns each present value and a not-found failure for each missing name, in the order asked")
    void readAllWithPresentAndMissingNames() {
        SecretName first = name("first");
        SecretName missing = name("missing");
        SecretName second = name("second");
        store().create(first, text("one"));
        store().create(second, text("two"));

        Map<SecretName, ReadResult> results = store().readAll(List.of(first, missing, second));

        assertThat(results.keySet()).containsExactly(first, missing, second);
        assertPresent(results.get(first), first, "one");
        assertPresent(results.get(second), second, "two");
        ReadResult absent = results.get(missing);
        assertThat(absent.isPresent()).isFalse();
        assertThat(absent.secret()).isEmpty();
        assertThat(absent.name()).isEqualTo(missing);
        assertThat(absent.failure()).hasValueSatisfying(failure -> {
            assertThat(failure).isInstanceOf(SecretNotFoundException.class);
            assertThat(failure.secretName()).contains(missing);
        });
    }

    @Test
    @DisplayName("readAll over 48 present names and 7 missing ones (several native batch pages) answers each one exactly")
    void readAllOverManyNativeBatchPages() {
        Map<SecretName, String> present = new LinkedHashMap<>();
        List<SecretName> asked = new ArrayList<>();
        Set<SecretName> missing = new LinkedHashSet<>();
        for (int i = 0; i < 55; i++) {
            // Every eighth name is missing, spread over the pages rather than all at the end.
            SecretName name = name(String.format("batch-%02d", i));
            asked.add(name);
            if (i % 8 == 7) {
                missing.add(name);
            } else {
                present.put(name, "batch value " + i);
                store().create(name, text("batch value " + i));
            }
        }
        assertThat(present).hasSizeGreaterThanOrEqualTo(45);

        Map<SecretName, ReadResult> results = store().readAll(asked);

        assertThat(results.keySet()).containsExactlyElementsOf(asked);
        present.forEach((name, value) -> assertPresent(results.get(name), name, value));
        missing.forEach(name -> assertThat(results.get(name).failure()).as("result for missing %s", name)
                .hasValueSatisfying(failure -> assertThat(failure).isInstanceOf(SecretNotFoundException.class)));
    }

    @Test
    @DisplayName("readAll of only missing names reports each one instead of failing as a whole")
    void readAllWithOnlyMissingNames() {
        SecretName one = name("gone-1");
        SecretName two = name("gone-2");

        Map<SecretName, ReadResult> results = store().readAll(List.of(one, two));

        assertThat(results.keySet()).containsExactly(one, two);
        assertThat(results.values()).allSatisfy(result -> {
            assertThat(result.isPresent()).isFalse();
            assertThat(result.failure()).hasValueSatisfying(
                    failure -> assertThat(failure).isInstanceOf(SecretNotFoundException.class));
        });
    }

    @Test
    @DisplayName("readAll of no names returns an empty result")
    void readAllWithNoNames() {
        assertThat(store().readAll(List.of())).isEmpty();
    }

    private static void assertPresent(ReadResult result, SecretName name, String value) {
        assertThat(result.isPresent()).isTrue();
        assertThat(result.name()).isEqualTo(name);
        assertThat(result.failure()).isEmpty();
        assertThat(result.secret()).hasValueSatisfying(secret -> {
            assertThat(secret.name()).isEqualTo(name);
            assertThat(secret.value().text()).isEqualTo(value);
        });
    }
}
