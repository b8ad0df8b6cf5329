package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.testing.InMemorySpi;
import dev.secretstore.testing.MemoryProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Engine: withValue lends a value for one use")
class WithValueTest {

    final SecretName name = SecretName.of("db/password");

    @Nested
    @DisplayName("on a store that lends copies (the default)")
    class Copies {
        final InMemorySpi spi = new InMemorySpi();
        final SecretStore store = SecretStores.open(new MemoryProvider(spi), Map.of());

        @Test
        @DisplayName("returns what the function made of the latest value, and zeroes the copy when it returns")
        void usesAndZeroes() {
            store.create(name, SecretValue.ofText("v1"));
            store.put(name, SecretValue.ofText("v2"));
            List<SecretView> seen = new ArrayList<>();
            String text = store.withValue(name, v -> {
                seen.add(v);
                return v.text();
            });
            assertThat(text).isEqualTo("v2");
            assertThatThrownBy(() -> seen.get(0).byteAt(0)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        @DisplayName("the function's own exception reaches the caller as it is, and the copy is zeroed all the same")
        void functionFailure() {
            store.create(name, SecretValue.ofText("v1"));
            IllegalArgumentException mine = new IllegalArgumentException("mine");
            List<SecretView> seen = new ArrayList<>();
            Throwable thrown = catchThrowable(() -> store.withValue(name, v -> {
                seen.add(v);
                throw mine;
            }));
            assertThat(thrown).isSameAs(mine);
            assertThatThrownBy(() -> seen.get(0).byteAt(0)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        @DisplayName("errors as read's: not found, a name too long (before any I/O), a provider failure")
        void errors() {
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> store.withValue(name, v -> calls.incrementAndGet()))
                    .isInstanceOf(SecretNotFoundException.class).hasMessageContaining("db/password");
            InMemorySpi shortNames = new InMemorySpi(StoreLimits.builder().maxNameLength(8).build(), "managed-by");
            SecretStore strict = SecretStores.open(new MemoryProvider(shortNames), Map.of());
            assertThatThrownBy(() -> strict.withValue(SecretName.of("a".repeat(9)), v -> calls.incrementAndGet()))
                    .isInstanceOf(InvalidSecretNameException.class);
            assertThat(shortNames.calls()).isZero();
            store.create(name, SecretValue.ofText("v1"));
            spi.failWith(() -> new StoreUnavailableException("memory", Operation.DESCRIBE, null, "down", null, null));
            StoreUnavailableException e = (StoreUnavailableException) catchThrowable(
                    () -> store.withValue(name, v -> calls.incrementAndGet()));
            assertThat(e.operation()).contains(Operation.READ);
            assertThat(calls).hasValue(0);
        }
    }

    /** Lends one value it keeps, as a cache does; {@link #evictDuringNextUse} destroys it in the middle of a use. */
    static final class HoldingSpi extends InMemorySpi {
        SecretValue held = SecretValue.ofText("held-value");
        int lends;
        int reads;
        RuntimeException readFailure;

        @Override
        public SecretValue checkNameAndLend(SecretName name) {
            lends++;
            return held;
        }

        @Override
        public boolean lendsHeldValues() {
            return true;
        }

        @Override
        public synchronized Secret read(SecretName name, Optional<String> version) {
            reads++;
            if (readFailure != null) {
                throw readFailure;
            }
            return Secret.of(name, "1", SecretValue.ofText("read-again"));
        }
    }

    @Nested
    @DisplayName("on a store that lends the values it holds (a cache)")
    class Held {
        final HoldingSpi spi = new HoldingSpi();
        final SecretStore store = SecretStores.open(new MemoryProvider(spi), Map.of());

        @Test
        @DisplayName("reads the held value in place and leaves it intact: no copy, no read of the store")
        void inPlace() {
            List<SecretView> seen = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                boolean equal = store.withValue(name, v -> {
                    seen.add(v);
                    return v.contentEquals("held-value".getBytes(StandardCharsets.UTF_8));
                });
                assertThat(equal).isTrue();
            }
            assertThat(seen.get(0)).isSameAs(seen.get(1)).isSameAs(spi.held.view());
            assertThat(spi.held.isDestroyed()).isFalse();
            assertThat(spi.reads).isZero();
        }

        @Test
        @DisplayName("a value zeroed while the function reads it: the function runs again, on a copy read for it")
        void evictedDuringUse() {
            List<String> results = new ArrayList<>();
            String text = store.withValue(name, v -> {
                if (results.isEmpty()) {
                    spi.held.destroy(); // the cache evicts it now
                }
                String t;
                try {
                    t = v.text();
                } catch (IllegalStateException e) {
                    results.add("failed");
                    throw e;
                }
                results.add(t);
                return t;
            });
            assertThat(text).isEqualTo("read-again");
            assertThat(results).containsExactly("failed", "read-again");
            assertThat(spi.reads).isEqualTo(1);
        }

        @Test
        @DisplayName("a provider failure on the read made after an eviction is mapped as read's (operation, name, "
                + "class only), never the function's")
        void failureOfTheReadAgain() {
            spi.readFailure = new UnsupportedOperationException("client said: held-value");
            AtomicInteger runs = new AtomicInteger();
            Throwable thrown = catchThrowable(() -> store.withValue(name, v -> {
                runs.incrementAndGet();
                spi.held.destroy(); // the cache evicts it now
                return v.text();
            }));
            assertThat(thrown).isExactlyInstanceOf(SecretStoreException.class)
                    .hasMessageContaining("db/password").hasMessageNotContaining("held-value");
            assertThat(((SecretStoreException) thrown).operation()).contains(Operation.READ);
            assertThat(runs).as("not run again without a value").hasValue(1);
            assertThat(spi.reads).isEqualTo(1);
        }

        @Test
        @DisplayName("the function's own IllegalStateException, with the value intact, is not retried")
        void ownIllegalState() {
            IllegalStateException mine = new IllegalStateException("mine");
            AtomicInteger runs = new AtomicInteger();
            Throwable thrown = catchThrowable(() -> store.withValue(name, v -> {
                runs.incrementAndGet();
                throw mine;
            }));
            assertThat(thrown).isSameAs(mine);
            assertThat(runs).hasValue(1);
            assertThat(spi.reads).isZero();
        }
    }
}
