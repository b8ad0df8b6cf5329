package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.testing.InMemorySpi;
import dev.secretstore.testing.MemoryProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The operation on an exception is the one the user called, whatever the provider put there: an SPI
 * method cannot know it ({@code put} runs the SPI's {@code describe}, then {@code create} or
 * {@code addVersion}), and {@link InMemorySpi} deliberately names its own SPI method, as a provider might.
 */
@DisplayName("Engine: the operation on an exception is the user's")
class EngineOperationTest {

    final InMemorySpi spi = new InMemorySpi();
    final SecretStore store = SecretStores.open(new MemoryProvider(spi), Map.of());
    final SecretName name = SecretName.of("db/password");

    @Test
    @DisplayName("put of a new secret denied inside the SPI's create is reported as put")
    void putDeniedInCreate() {
        spi.denyWrites();
        AccessDeniedException e = catchThrowableOfType(() -> store.put(name, SecretValue.ofText("v")),
                AccessDeniedException.class);
        assertThat(e.operation()).contains(Operation.PUT);
        assertThat(e.getMessage()).startsWith("memory: put 'db/password' denied");
    }

    @Test
    @DisplayName("put with tags denied inside the SPI's updateTags is reported as put")
    void putDeniedInUpdateTags() {
        store.create(name, SecretValue.ofText("v1"));
        spi.denyTagUpdates();
        AccessDeniedException e = catchThrowableOfType(() -> store.put(name, SecretValue.ofText("v2"),
                Map.of("team", "data")), AccessDeniedException.class);
        assertThat(e.operation()).contains(Operation.PUT);
    }

    @Test
    @DisplayName("a provider failure carrying another operation is re-labelled on every engine call")
    void everyCall() {
        store.create(name, SecretValue.ofText("v1"));
        spi.failWith(() -> new StoreUnavailableException("memory", Operation.TAG, null, "down", null, null));
        List<Map.Entry<Operation, Runnable>> calls = List.of(
                Map.entry(Operation.CREATE, () -> store.create(SecretName.of("other"), SecretValue.ofText("v"))),
                Map.entry(Operation.PUT, () -> store.put(name, SecretValue.ofText("v"))),
                Map.entry(Operation.READ, () -> store.read(name)),
                Map.entry(Operation.DESCRIBE, () -> store.find(name)),
                Map.entry(Operation.LIST, () -> store.list(ListOptions.builder().build())),
                Map.entry(Operation.DELETE, () -> store.delete(name)));
        for (Map.Entry<Operation, Runnable> call : calls) {
            StoreUnavailableException e = catchThrowableOfType(call.getValue()::run, StoreUnavailableException.class);
            assertThat(e.operation()).as("%s", call.getKey()).contains(call.getKey());
            assertThat(e.secretName()).as("%s", call.getKey()).isEqualTo(
                    call.getKey() == Operation.LIST ? java.util.Optional.empty()
                            : java.util.Optional.of(call.getKey() == Operation.CREATE ? SecretName.of("other") : name));
        }
        ReadResult batch = store.readAll(List.of(name)).get(name);
        assertThat(batch.failure()).hasValueSatisfying(f -> assertThat(f.operation()).contains(Operation.READ_ALL));
    }
}
