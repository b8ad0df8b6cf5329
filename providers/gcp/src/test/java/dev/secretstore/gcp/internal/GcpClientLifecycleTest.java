package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.ListOptions;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One client (one gRPC channel, so one connection) per opened store, reused by every call, closed with the store. */
@DisplayName("gcp: one client per store")
class GcpClientLifecycleTest {

    static EmulatorWorld world;

    @BeforeAll
    static void start() {
        world = new EmulatorWorld();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("every call of a store, parallel reads included, goes over one connection, closed with the store")
    void oneConnectionPerStore() throws InterruptedException {
        var control = world.emulator.control();
        long opened = control.grpcConnectionsOpened();
        long open = control.grpcConnectionsOpen();
        try (SecretStore store = world.store(EmulatorWorld.STORE_ACCOUNT, EmulatorWorld.NAME_PREFIX)) {
            List<SecretName> names = List.of(SecretName.of("life/a"), SecretName.of("life/b"), SecretName.of("life/c"));
            names.forEach(n -> store.create(n, SecretValue.ofText("v")));
            store.put(names.get(0), SecretValue.ofText("v2"));
            store.describe(names.get(1));
            store.list(ListOptions.defaults());
            assertThat(store.readAll(names)).hasSize(3);
            store.delete(names.get(2));

            assertThat(control.grpcConnectionsOpened() - opened).isEqualTo(1);
            assertThat(control.grpcConnectionsOpen()).isEqualTo(open + 1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); // bounds the wait only
        while (control.grpcConnectionsOpen() > open && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(control.grpcConnectionsOpen()).as("the store's close closed its channel").isEqualTo(open);
    }
}
