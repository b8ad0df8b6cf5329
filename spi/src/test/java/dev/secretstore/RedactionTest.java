package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.spi.StoreConfig;
import dev.secretstore.testing.InMemorySpi;
import dev.secretstore.testing.MemoryProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A canary value goes through every operation; it must not appear in any toString or exception message. */
@DisplayName("Redaction")
class RedactionTest {

    static final String CANARY = "CANARY-7f3e9a-do-not-print";

    @Test
    @DisplayName("a canary value never appears in toString or exception messages of any operation")
    void canary() {
        InMemorySpi spi = new InMemorySpi(StoreLimits.builder().maxValueBytes(64).build(), "AirbyteManaged");
        SecretStore store = SecretStores.open(new MemoryProvider(spi), Map.of());
        SecretName name = SecretName.of("canary/secret");
        SecretName foreign = SecretName.of("canary/foreign");
        SecretValue value = SecretValue.ofText(CANARY);
        spi.plant(foreign, value, Map.of());

        List<Object> seen = new ArrayList<>();
        seen.add(value);
        seen.add(store.create(name, value, Map.of("team", "data")));
        seen.add(store.put(name, value));
        seen.add(store.read(name));
        seen.add(store.describe(name));
        seen.add(store.readAll(List.of(name, foreign, SecretName.of("missing"))));
        seen.add(store.list(ListOptions.defaults()));
        seen.add(store.verify());
        seen.add(store);
        collect(seen, () -> store.create(name, value));
        collect(seen, () -> store.put(foreign, value));
        collect(seen, () -> store.delete(foreign));
        collect(seen, () -> store.put(name, SecretValue.ofText(CANARY.repeat(5))));
        collect(seen, () -> store.create(SecretName.of("x"), value, Map.of("airbytemanaged", CANARY)));
        spi.failWith(() -> new IllegalStateException("rejected request body {\"value\":\"" + CANARY + "\"}",
                new IllegalArgumentException("value " + CANARY)));
        collect(seen, () -> store.put(name, value));
        collect(seen, () -> store.create(SecretName.of("canary/other"), value));
        seen.add(StoreConfig.of(Map.of("token", CANARY, "provider", "memory"), List.of(
                ConfigField.builder("token").secret(true).build())));
        SecretValue destroyed = SecretValue.ofText(CANARY);
        destroyed.destroy();
        collect(seen, () -> store.put(name, destroyed));

        assertThat(seen).hasSizeGreaterThan(15);
        for (Object o : seen) {
            assertThat(String.valueOf(o)).doesNotContain(CANARY);
            if (o instanceof Throwable) {
                assertThat(((Throwable) o).getMessage()).doesNotContain(CANARY);
                // What a logger prints: the whole chain of causes.
                java.io.StringWriter trace = new java.io.StringWriter();
                ((Throwable) o).printStackTrace(new java.io.PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain(CANARY);
            }
        }
    }

    private static void collect(List<Object> seen, Runnable action) {
        try {
            action.run();
            throw new AssertionError("expected a failure");
        } catch (SecretStoreException e) {
            seen.add(e);
        }
    }
}
