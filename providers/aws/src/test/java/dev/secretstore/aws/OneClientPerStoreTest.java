package dev.secretstore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.DeleteOptions;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One SDK client, with one connection pool, per opened store: many operations in a row travel over a single
 * reused TCP connection (counted by the emulator as it accepts them), STS's AssumeRole included for IAM_ROLE,
 * and closing the store closes it.
 */
class OneClientPerStoreTest {

    private static EmulatedAccount account;

    @BeforeAll
    static void start() {
        account = EmulatedAccount.start();
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    @Test
    @DisplayName("ACCESS_KEY: 40 operations use one connection, closed with the store")
    void accessKey() throws InterruptedException {
        runOverOneConnection(account.accessKeyConfig(EmulatedAccount.APP_KEY, EmulatedAccount.APP_SECRET), "ak");
    }

    @Test
    @DisplayName("IAM_ROLE: AssumeRole and 40 operations share one connection, closed with the store")
    void iamRole() throws InterruptedException {
        SourceCredentials source = SourceCredentials.set(EmulatedAccount.SOURCE_KEY, EmulatedAccount.SOURCE_SECRET);
        try {
            account.emulator.resetRequestCounts();
            runOverOneConnection(account.roleConfig(EmulatedAccount.ADMIN_ROLE), "role");
            assertThat(account.emulator.requestCount("AssumeRole")).isEqualTo(1);
        } finally {
            source.restore();
        }
    }

    private static void runOverOneConnection(Map<String, Object> config, String prefix) throws InterruptedException {
        awaitNoOpenConnections();
        account.emulator.resetConnectionCount();
        try (SecretStore store = SecretStores.open(config)) {
            for (int i = 0; i < 8; i++) {
                SecretName name = SecretName.of(prefix + "/pool-" + i);
                store.create(name, SecretValue.ofText("v" + i));
                store.put(name, SecretValue.ofText("w" + i));
                assertThat(store.read(name).value().text()).isEqualTo("w" + i);
                assertThat(store.find(name)).isPresent();
                store.delete(name, DeleteOptions.force());
            }
            assertThat(account.emulator.connectionsAccepted()).isEqualTo(1);
            assertThat(account.emulator.openConnections()).isEqualTo(1);
        }
        awaitNoOpenConnections();
        assertThat(account.emulator.openConnections()).isZero();
        assertThat(account.emulator.connectionsAccepted()).isEqualTo(1);
    }

    /** The server notices a client's close asynchronously; bounded wait. */
    private static void awaitNoOpenConnections() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (account.emulator.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
