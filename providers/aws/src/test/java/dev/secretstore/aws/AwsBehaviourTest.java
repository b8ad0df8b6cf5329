package dev.secretstore.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ReadResult;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.aws.SecretSeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the issue asks of the AWS provider beyond the kit, observed through the emulator's request log. */
class AwsBehaviourTest {

    private static EmulatedAccount account;
    private static SecretStore store;

    @BeforeAll
    static void start() {
        account = EmulatedAccount.start();
        store = SecretStores.open(account.accessKeyConfig(EmulatedAccount.APP_KEY, EmulatedAccount.APP_SECRET));
    }

    @AfterAll
    static void stop() {
        store.close();
        account.close();
    }

    private static String prefix() {
        return "behaviour-" + UUID.randomUUID().toString().substring(0, 8) + "/";
    }

    @Test
    @DisplayName("readAll of 45 names takes 3 BatchGetSecretValue calls; missing names are not found, one by one")
    void readAllInBatchesOfTwenty() {
        String prefix = prefix();
        List<SecretName> names = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            SecretName name = SecretName.of(prefix + "s" + i);
            names.add(name);
            if (i % 5 != 0) {
                store.create(name, SecretValue.ofText("v" + i));
            }
        }
        long before = account.emulator.requestCount("BatchGetSecretValue");

        Map<SecretName, ReadResult> results = store.readAll(names);

        assertThat(account.emulator.requestCount("BatchGetSecretValue") - before).isEqualTo(3);
        assertThat(results).hasSize(45);
        for (int i = 0; i < 45; i++) {
            ReadResult r = results.get(names.get(i));
            if (i % 5 != 0) {
                assertThat(r.secret()).get().extracting(s -> s.value().text()).isEqualTo("v" + i);
            } else {
                assertThat(r.failure()).get().isInstanceOf(dev.secretstore.SecretNotFoundException.class);
            }
        }
    }

    @Test
    @DisplayName("list filters on the server: 120 foreign secrets cost no extra ListSecrets page")
    void listFiltersOnTheServer() {
        String prefix = prefix();
        for (int i = 0; i < 120; i++) {
            account.emulator.plantSecret(SecretSeed.builder(prefix + "foreign-" + i).secretString("theirs").build());
        }
        store.create(SecretName.of(prefix + "ours-1"), SecretValue.ofText("v"));
        store.create(SecretName.of(prefix + "ours-2"), SecretValue.ofText("v"));
        long before = account.emulator.requestCount("ListSecrets");

        List<String> listed = store.listAll(prefix).map(m -> m.name().value()).collect(Collectors.toList());

        assertThat(listed).containsExactlyInAnyOrder(prefix + "ours-1", prefix + "ours-2");
        assertThat(account.emulator.requestCount("ListSecrets") - before).isEqualTo(1);
    }

    @Test
    @DisplayName("a name scheduled for deletion: create fails with the restore-or-force remediation; restore works")
    void scheduledForDeletion() {
        SecretName name = SecretName.of(prefix() + "scheduled");
        store.create(name, SecretValue.ofText("v1"));
        store.delete(name, DeleteOptions.recoveryWindow(Duration.ofDays(7)));

        Throwable failure = catchThrowable(() -> store.create(name, SecretValue.ofText("v2")));

        assertThat(failure).isInstanceOf(SecretAlreadyExistsException.class);
        assertThat(((SecretAlreadyExistsException) failure).remediation()).get().asString()
                .contains("restore").contains("force");
        SecretMetadata restored = store.restore(name);
        assertThat(restored.deletionDate()).isEmpty();
        assertThat(store.read(name).value().text()).isEqualTo("v1");
    }

    @Test
    @DisplayName("kmsKeyArn is sent with CreateSecret")
    void kmsKey() {
        String kms = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        Map<String, Object> config = account.accessKeyConfig(EmulatedAccount.APP_KEY, EmulatedAccount.APP_SECRET);
        config.put("kmsKeyArn", kms);
        SecretName name = SecretName.of(prefix() + "kms");
        try (SecretStore withKey = SecretStores.open(config)) {
            withKey.create(name, SecretValue.ofText("v1"));
        }
        try (var admin = account.admin()) {
            assertThat(admin.describeSecret(r -> r.secretId(name.value())).kmsKeyId()).isEqualTo(kms);
        }
    }

    @Test
    @DisplayName("IAM_ROLE: a role that does not trust the caller fails authentication with the trust-relationship hint")
    void untrustedRole() {
        SourceCredentials source = SourceCredentials.set(EmulatedAccount.SOURCE_KEY, EmulatedAccount.SOURCE_SECRET);
        try (SecretStore s = SecretStores.open(account.roleConfig(EmulatedAccount.UNTRUSTING_ROLE))) {
            Throwable failure = catchThrowable(() -> s.read(SecretName.of("anything")));

            assertThat(failure).isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining(EmulatedAccount.UNTRUSTING_ROLE).hasMessageContaining("trust relationship")
                    .hasMessageContaining("sts:ExternalId").hasMessageContaining("eks.amazonaws.com/role-arn")
                    .hasMessageNotContaining(EmulatedAccount.SOURCE_SECRET);
        } finally {
            source.restore();
        }
    }

    @Test
    @DisplayName("an unknown key and a wrong secret key are told apart; neither is echoed")
    void authenticationFailures() {
        Throwable unknown = catchThrowable(() -> {
            try (SecretStore s = SecretStores.open(account.accessKeyConfig(EmulatedAccount.UNKNOWN_KEY,
                    EmulatedAccount.UNKNOWN_SECRET))) {
                s.read(SecretName.of("anything"));
            }
        });
        Throwable wrongSecret = catchThrowable(() -> {
            try (SecretStore s = SecretStores.open(account.accessKeyConfig(EmulatedAccount.APP_KEY,
                    EmulatedAccount.UNKNOWN_SECRET))) {
                s.read(SecretName.of("anything"));
            }
        });

        assertThat(unknown).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("does not recognise the access key id").hasMessageNotContaining(
                        EmulatedAccount.UNKNOWN_KEY);
        assertThat(wrongSecret).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("secret access key does not match")
                .hasMessageNotContaining(EmulatedAccount.UNKNOWN_SECRET).hasMessageNotContaining(EmulatedAccount.APP_KEY);
    }

    @Test
    @DisplayName("a malformed version id is not found, and the error does not repeat it")
    void malformedVersionIdIsNotEchoed() {
        SecretName name = SecretName.of(prefix() + "versioned");
        store.create(name, SecretValue.ofText("v1"));
        String argument = "not-a-version-id-Zq7";
        assertThatThrownBy(() -> store.read(name, argument))
                .isInstanceOf(dev.secretstore.SecretNotFoundException.class)
                .hasMessageContaining("32 to 64")
                .hasMessageNotContaining(argument);
    }

    @Test
    @DisplayName("create sends the managed tag and the user's tags in the CreateSecret call itself, never a TagResource")
    void createTagsInOneCall() {
        SecretName name = SecretName.of(prefix() + "tagged");
        long creates = account.emulator.requestCount("CreateSecret");
        long tagCalls = account.emulator.requestCount("TagResource");

        store.create(name, SecretValue.ofText("v1"), java.util.Map.of("team", "data"));

        assertThat(account.emulator.requestCount("CreateSecret") - creates).isEqualTo(1);
        assertThat(account.emulator.requestCount("TagResource") - tagCalls).isZero();
        try (var admin = account.admin()) {
            var tags = admin.describeSecret(r -> r.secretId(name.value())).tags();
            assertThat(tags).extracting(t -> t.key() + "=" + t.value())
                    .containsExactlyInAnyOrder(EmulatedAccount.TAG_KEY + "=true", "team=data");
        }
    }

    @Test
    @DisplayName("IAM_ROLE: STS failing with 500s is attempted once per policy attempt (the STS client's own retries are off)")
    void stsRetriesAreOff() {
        SourceCredentials source = SourceCredentials.set(EmulatedAccount.SOURCE_KEY, EmulatedAccount.SOURCE_SECRET);
        try (SecretStore s = SecretStores.open(account.roleConfig(EmulatedAccount.READER_ROLE))) {
            account.emulator.setFault("AssumeRole", dev.secretstore.emulator.aws.Fault.internalError());
            long before = account.emulator.requestCount("AssumeRole");

            Throwable failure = catchThrowable(() -> s.read(SecretName.of("anything")));

            assertThat(failure).isInstanceOf(dev.secretstore.StoreUnavailableException.class)
                    .hasMessageNotContaining(EmulatedAccount.SOURCE_SECRET);
            // The config's retry allows 3 attempts; SDK retries on would multiply them.
            assertThat(account.emulator.requestCount("AssumeRole") - before).isEqualTo(3);
        } finally {
            account.emulator.clearFaults();
            source.restore();
        }
    }

    @Test
    @DisplayName("a non-default tagKey is the tag create sends and the key list filters on")
    void customTagKey() {
        Map<String, Object> config = account.accessKeyConfig(dev.secretstore.emulator.aws.DefaultIdentity.ADMIN_ACCESS_KEY_ID,
                dev.secretstore.emulator.aws.DefaultIdentity.ADMIN_SECRET_ACCESS_KEY);
        config.put("tagKey", "TeamManaged");
        String prefix = prefix();
        SecretName name = SecretName.of(prefix + "team");
        try (SecretStore s = SecretStores.open(config)) {
            s.create(name, SecretValue.ofText("v1"));
            store.create(SecretName.of(prefix + "default"), SecretValue.ofText("v1"));

            try (var admin = account.admin()) {
                assertThat(admin.describeSecret(r -> r.secretId(name.value())).tags())
                        .extracting(t -> t.key() + "=" + t.value()).containsExactly("TeamManaged=true");
            }
            assertThat(s.list(dev.secretstore.ListOptions.withPrefix(prefix)).items()).extracting(m -> m.name())
                    .containsExactly(name);
        }
    }
}
