package dev.secretstore.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.emulator.aws.DefaultIdentity;
import dev.secretstore.emulator.aws.Fault;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

/**
 * The one retry policy against faults from the emulator's fault table, counted in its request log. The store's
 * config asks for 3 attempts with millisecond backoffs; the SDK's own retries are off, so every attempt the
 * emulator counts is one of the policy's.
 */
class AwsFaultsTest {

    private static final int MAX_ATTEMPTS = 3;
    private static EmulatedAccount account;
    private static SecretStore store;
    private static SecretStore readOnly;

    @BeforeAll
    static void start() {
        account = EmulatedAccount.start();
        store = SecretStores.open(account.accessKeyConfig(EmulatedAccount.APP_KEY, EmulatedAccount.APP_SECRET));
        readOnly = SecretStores.open(account.accessKeyConfig(EmulatedAccount.READER_KEY, EmulatedAccount.READER_SECRET));
    }

    @AfterEach
    void clearFaults() {
        account.emulator.clearFaults();
    }

    @AfterAll
    static void stop() {
        store.close();
        readOnly.close();
        account.close();
    }

    private static SecretName name() {
        return SecretName.of("faults/" + UUID.randomUUID());
    }

    private static long count(String operation) {
        return account.emulator.requestCount(operation);
    }

    @Test
    @DisplayName("throttling that clears after N calls succeeds with exactly N+1 attempts")
    void throttlingClears() {
        int n = MAX_ATTEMPTS - 1;
        account.emulator.setFault("CreateSecret", Fault.throttling().times(n));
        long before = count("CreateSecret");

        store.create(name(), SecretValue.ofText("v1"));

        assertThat(count("CreateSecret") - before).isEqualTo(n + 1);
    }

    @Test
    @DisplayName("persistent throttling ends in ThrottledException after the configured attempts")
    void persistentThrottling() {
        SecretName name = name();
        store.create(name, SecretValue.ofText("v1"));
        account.emulator.setFault("GetSecretValue", Fault.throttling());
        long before = count("GetSecretValue");

        Throwable failure = catchThrowable(() -> store.read(name));

        assertThat(failure).isInstanceOf(ThrottledException.class);
        assertThat(count("GetSecretValue") - before).isEqualTo(MAX_ATTEMPTS);
    }

    @Test
    @DisplayName("persistent 500s end in StoreUnavailableException after the configured attempts")
    void persistentServerErrors() {
        SecretName name = name();
        store.create(name, SecretValue.ofText("v1"));
        account.emulator.setFault("GetSecretValue", Fault.internalError());
        long before = count("GetSecretValue");

        Throwable failure = catchThrowable(() -> store.read(name));

        assertThat(failure).isExactlyInstanceOf(StoreUnavailableException.class);
        assertThat(((StoreUnavailableException) failure).secretName()).contains(name);
        assertThat(count("GetSecretValue") - before).isEqualTo(MAX_ATTEMPTS);
    }

    @Test
    @DisplayName("a denial is attempted once")
    void denialOnce() {
        long before = count("CreateSecret");

        Throwable failure = catchThrowable(() -> readOnly.create(name(), SecretValue.ofText("v1")));

        assertThat(failure).isInstanceOf(AccessDeniedException.class);
        assertThat(failure.getMessage()).contains("secretsmanager:CreateSecret").contains("arn:aws:secretsmanager:")
                .contains("ResourceTag/AirbyteManaged").contains("region");
        assertThat(count("CreateSecret") - before).isEqualTo(1);
    }

    @Test
    @DisplayName("a connection reset during CreateSecret leaves exactly one secret with one version")
    void resetDuringCreate() {
        SecretName name = name();
        account.emulator.setFault("CreateSecret", Fault.connectionReset().times(1));
        long before = count("CreateSecret");

        store.create(name, SecretValue.ofText("v1"));

        assertThat(count("CreateSecret") - before).isEqualTo(2);
        try (SecretsManagerClient admin = admin()) {
            assertThat(admin.listSecrets(r -> r.filters(f -> f.key("name").values(name.value()))).secretList())
                    .hasSize(1);
            DescribeSecretResponse described = admin.describeSecret(r -> r.secretId(name.value()));
            assertThat(described.versionIdsToStages()).hasSize(1);
            assertThat(described.tags()).anyMatch(t -> t.key().equals("AirbyteManaged") && t.value().equals("true"));
        }
    }

    @Test
    @DisplayName("a lost CreateSecret response: the retry reuses the ClientRequestToken, so one secret, one version")
    void lostResponseDuringCreate() {
        SecretName name = name();
        account.emulator.setFault("CreateSecret", Fault.responseLost().times(1));
        long before = count("CreateSecret");

        store.create(name, SecretValue.ofText("v1"));

        assertThat(count("CreateSecret") - before).isEqualTo(2);
        try (SecretsManagerClient admin = admin()) {
            assertThat(admin.describeSecret(r -> r.secretId(name.value())).versionIdsToStages()).hasSize(1);
        }
        assertThat(store.read(name).value().text()).isEqualTo("v1");
    }

    @Test
    @DisplayName("a lost PutSecretValue response: the retry reuses the ClientRequestToken, so one new version")
    void lostResponseDuringPut() {
        SecretName name = name();
        store.create(name, SecretValue.ofText("v1"));
        account.emulator.setFault("PutSecretValue", Fault.responseLost().times(1));
        long before = count("PutSecretValue");

        store.put(name, SecretValue.ofText("v2"));

        assertThat(count("PutSecretValue") - before).isEqualTo(2);
        try (SecretsManagerClient admin = admin()) {
            assertThat(admin.describeSecret(r -> r.secretId(name.value())).versionIdsToStages()).hasSize(2);
        }
        assertThat(store.read(name).value().text()).isEqualTo("v2");
    }

    @Test
    @DisplayName("a lost DeleteSecret response: the retry finds the work done, soft or forced, and succeeds")
    void lostResponseDuringDelete() {
        SecretName soft = name();
        SecretName forced = name();
        store.create(soft, SecretValue.ofText("v1"));
        store.create(forced, SecretValue.ofText("v1"));
        account.emulator.setFault("DeleteSecret", Fault.responseLost().times(2));
        long before = count("DeleteSecret");

        store.delete(soft, dev.secretstore.DeleteOptions.recoveryWindow(java.time.Duration.ofDays(7)));
        store.delete(forced, dev.secretstore.DeleteOptions.force());

        assertThat(count("DeleteSecret") - before).isEqualTo(4);
        try (SecretsManagerClient admin = admin()) {
            assertThat(admin.describeSecret(r -> r.secretId(soft.value())).deletedDate()).isNotNull();
            assertThat(admin.listSecrets(r -> r.includePlannedDeletion(true)
                    .filters(f -> f.key("name").values(forced.value()))).secretList()).isEmpty();
        }
    }

    private static SecretsManagerClient admin() {
        return SecretsManagerClient.builder().endpointOverride(account.emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        DefaultIdentity.ADMIN_ACCESS_KEY_ID, DefaultIdentity.ADMIN_SECRET_ACCESS_KEY)))
                .build();
    }
}
