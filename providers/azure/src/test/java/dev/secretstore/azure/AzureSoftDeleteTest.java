package dev.secretstore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.DeleteOptions;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.azure.Operation;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Soft delete as Key Vault does it, and the config's choice for a name held by a soft-deleted secret. */
class AzureSoftDeleteTest {
    private static EmulatorVault vault;

    @BeforeAll
    static void start() {
        vault = new EmulatorVault();
    }

    @AfterAll
    static void stop() {
        vault.close();
    }

    private static SecretName unique(String base) {
        return SecretName.of("soft/" + base + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static SecretStore open(String onSoftDeletedName) {
        Map<String, Object> config = vault.privileged();
        config.put("onSoftDeletedName", onSoftDeletedName);
        return SecretStores.open(config);
    }

    @Test
    void failByDefaultWithTheRemediationThenRestore() {
        try (SecretStore store = SecretStores.open(vault.privileged())) {
            SecretName name = unique("fail");
            store.create(name, SecretValue.ofText("first"));
            store.delete(name);

            Throwable again = catchThrowable(() -> store.create(name, SecretValue.ofText("second")));

            assertThat(again).isInstanceOf(SecretAlreadyExistsException.class);
            assertThat(((SecretAlreadyExistsException) again).remediation()).hasValueSatisfying(h -> assertThat(h)
                    .contains("secretstore restore").contains("onSoftDeletedName"));
            store.restore(name);
            assertThat(store.read(name).value().text()).isEqualTo("first");
        }
    }

    @Test
    void recoverKeepsTheOldVersionsAndAddsTheValue() {
        try (SecretStore store = open("RECOVER")) {
            SecretName name = unique("recover");
            String first = store.create(name, SecretValue.ofText("first")).version().orElseThrow();
            store.delete(name);

            store.put(name, SecretValue.ofText("second"));

            assertThat(store.read(name).value().text()).isEqualTo("second");
            assertThat(store.read(name, first).value().text()).isEqualTo("first");
        }
    }

    @Test
    void purgeStartsAfresh() {
        try (SecretStore store = open("PURGE")) {
            SecretName name = unique("purge");
            String first = store.create(name, SecretValue.ofText("first")).version().orElseThrow();
            store.delete(name);

            store.create(name, SecretValue.ofText("second"));

            assertThat(store.read(name).value().text()).isEqualTo("second");
            assertThat(catchThrowable(() -> store.read(name, first))).isInstanceOf(SecretNotFoundException.class);
        }
    }

    @Test
    void aSoftDeletedSecretOfSomeoneElseIsNeverPurgedOrRecovered() {
        Map<String, Object> config = vault.privileged();
        AzureKeyVaultProvider provider = new AzureKeyVaultProvider();
        SecretName name = unique("foreign");
        try (SecretStoreSpi raw = provider.open(StoreConfig.of(config, provider.configFields()))) {
            raw.create(name, SecretValue.ofText("not ours"), Map.of("owner", "another-team"));
            raw.delete(name, DeleteOptions.defaults());
        }
        long purgesBefore = vault.emulator.requestCount(Operation.PURGE_DELETED_SECRET);
        long recoversBefore = vault.emulator.requestCount(Operation.RECOVER_DELETED_SECRET);
        try (SecretStore store = open("PURGE")) {
            Throwable refused = catchThrowable(() -> store.create(name, SecretValue.ofText("ours")));

            assertThat(refused).isInstanceOf(SecretAlreadyExistsException.class).hasMessageContaining("does not manage");
        }
        assertThat(vault.emulator.requestCount(Operation.PURGE_DELETED_SECRET)).isEqualTo(purgesBefore);
        assertThat(vault.emulator.requestCount(Operation.RECOVER_DELETED_SECRET)).isEqualTo(recoversBefore);
    }

    @Test
    void aRecoveryWindowLongerThanTheVaultsRetentionIsRefusedAndNothingIsDeleted() {
        try (SecretStore store = SecretStores.open(vault.privileged())) {
            SecretName name = unique("window");
            store.create(name, SecretValue.ofText("kept"));

            Throwable refused = catchThrowable(() -> store.delete(name, DeleteOptions.recoveryWindow(Duration.ofDays(30))));

            assertThat(refused).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("7 days").hasMessageContaining("does not support");
            assertThat(store.read(name).value().text()).isEqualTo("kept");
        }
    }
}
