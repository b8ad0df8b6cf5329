package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.testing.InMemorySpi;
import dev.secretstore.testing.MemoryProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The provider's own name check (SecretStoreSpi.checkName)")
class ProviderNameCheckTest {

    static final SecretName REFUSED = SecretName.of("refused/because-the-native-name-would-be-too-long");
    static final SecretName ACCEPTED = SecretName.of("accepted");

    /** Refuses one name, as a provider whose encoding of it would not fit; records every name checked. */
    static final class NameCheckingSpi extends InMemorySpi {
        final List<SecretName> checked = new ArrayList<>();

        @Override
        public void checkName(SecretName name) {
            checked.add(name);
            if (name.equals(REFUSED)) {
                throw new InvalidSecretNameException("its native name would be 300 characters; at most 42 "
                        + "portable characters fit");
            }
        }
    }

    final NameCheckingSpi spi = new NameCheckingSpi();
    final SecretStore store = SecretStores.open(new MemoryProvider(spi), Map.of());

    static Stream<Arguments> operations() {
        return Stream.of(
                op(Operation.CREATE, s -> s.create(REFUSED, SecretValue.ofText("v"))),
                op(Operation.PUT, s -> s.put(REFUSED, SecretValue.ofText("v"))),
                op(Operation.PUT, s -> s.put(REFUSED, SecretValue.ofText("v"), Map.of("team", "data"))),
                op(Operation.READ, s -> s.read(REFUSED)),
                op(Operation.READ, s -> s.read(REFUSED, "1")),
                op(Operation.READ_ALL, s -> s.readAll(List.of(ACCEPTED, REFUSED))),
                op(Operation.DESCRIBE, s -> s.describe(REFUSED)),
                op(Operation.DESCRIBE, s -> s.find(REFUSED)),
                op(Operation.DELETE, s -> s.delete(REFUSED)),
                op(Operation.RESTORE, s -> s.restore(REFUSED)));
    }

    private static Arguments op(Operation operation, Consumer<SecretStore> call) {
        return Arguments.of(operation, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    @DisplayName("a name the provider refuses fails with its message, typed and in context, before any store call")
    void refusedBeforeAnyIo(Operation operation, Consumer<SecretStore> call) {
        InvalidSecretNameException e = catchThrowableOfType(InvalidSecretNameException.class, () -> call.accept(store));

        assertThat(e).as("the provider's refusal").isNotNull();
        assertThat(e.getMessage()).contains("at most 42 portable characters fit");
        assertThat(e.provider()).isEqualTo("memory");
        assertThat(e.operation()).contains(operation);
        assertThat(e.secretName()).contains(REFUSED);
        assertThat(spi.calls()).as("store calls made").isZero();
        assertThat(spi.checked).as("the provider saw the name the user gave").contains(REFUSED);
    }

    @Test
    @DisplayName("an accepted name is checked once per operation, then the operation proceeds")
    void acceptedNameProceeds() {
        store.create(ACCEPTED, SecretValue.ofText("v"));
        assertThat(store.read(ACCEPTED).value().text()).isEqualTo("v");

        assertThat(spi.checked).containsExactly(ACCEPTED, ACCEPTED);
        assertThat(spi.calls()).isPositive();
    }
}
