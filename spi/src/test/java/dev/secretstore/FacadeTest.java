package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.testing.InMemorySpi;
import dev.secretstore.testing.IsolatedProviderLoader;
import dev.secretstore.testing.MemoryProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SecretStores facade")
class FacadeTest {

    @Test
    @DisplayName("getInstance opens a store of the given type")
    void getInstance() {
        SecretStore store = SecretStores.getInstance("memory", Map.of());
        assertThat(store.providerName()).isEqualTo("memory");
        assertThat(store.provider().type()).isEqualTo("memory");
    }

    @Test
    @DisplayName("an unknown type is 'x SecretStore not available'; an unknown provider is 'no such provider: x'")
    void jcaMessages() {
        assertThatThrownBy(() -> SecretStores.getInstance("vault", Map.of()))
                .isInstanceOf(NoSuchProviderException.class).hasMessageStartingWith("vault SecretStore not available. ");
        assertThatThrownBy(() -> SecretStores.getInstance("memory", Map.of(), "acme"))
                .isInstanceOf(NoSuchProviderException.class).hasMessageStartingWith("no such provider: acme. ");
        assertThatThrownBy(() -> SecretStores.getInstance("aws", Map.of(), "memory"))
                .isInstanceOf(NoSuchProviderException.class).hasMessageStartingWith("aws SecretStore not available from provider memory");
        assertThat(SecretStores.getInstance("memory", Map.of(), "memory").providerName()).isEqualTo("memory");
    }

    @Test
    @DisplayName("getInstance refuses a config whose provider field names a provider of another type")
    void providerFieldMustAgree() {
        assertThat(SecretStores.getInstance("memory", Map.of("provider", "memory")).providerName()).isEqualTo("memory");
        InvalidConfigException e = catchThrowableOfType(() -> SecretStores.getInstance("memory",
                Map.of("provider", "gcp")), InvalidConfigException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("provider");
            assertThat(p.message()).contains("does not implement type 'memory'").contains("expected one of memory");
        });
    }

    @Test
    @DisplayName("open uses the provider field when present")
    void openByProviderField() {
        assertThat(SecretStores.open(Map.of("provider", "memory")).providerName()).isEqualTo("memory");
        assertThatThrownBy(() -> SecretStores.open(Map.of("provider", "acme")))
                .isInstanceOf(NoSuchProviderException.class).hasMessageStartingWith("no such provider: acme. ");
    }

    @Test
    @DisplayName("a missing provider's error says what is installed and which jar to add")
    void missingProviderNamesWhatToAdd() {
        NoSuchProviderException ours = catchThrowableOfType(
                () -> SecretStores.open(Map.of("provider", "gcp-nope")), NoSuchProviderException.class);
        assertThat(ours.remediation()).hasValueSatisfying(hint -> assertThat(hint)
                .contains("installed providers: ").contains("memory")
                .contains("Put the 'gcp-nope' provider's jar and its dependencies on the class path")
                .contains("META-INF/services/dev.secretstore.spi.SecretStoreProvider")
                .contains("auto-service annotation processor")
                .doesNotContain("dev.secretstore:secretstore-gcp-nope"));
        NoSuchProviderException type = catchThrowableOfType(
                () -> SecretStores.getInstance("vault", Map.of()), NoSuchProviderException.class);
        assertThat(type.remediation()).hasValueSatisfying(hint -> assertThat(hint)
                .contains("Put the 'vault' provider's jar"));
    }

    @Test
    @DisplayName("open recognises each documented shape")
    void openByShape() {
        assertThat(SecretStores.open(Map.of("auth_type", "IAM_ROLE", "roleArn", "arn:aws:iam::123456789012:role/r",
                "awsRegion", "us-east-1")).providerName()).isEqualTo("aws");
        assertThat(SecretStores.open(Map.of("vaultUrl", "https://v.vault.azure.net/",
                "tenantId", "12345678-1234-1234-1234-123456789012", "clientId", "87654321-4321-4321-4321-210987654321",
                "clientSecret", "s")).providerName()).isEqualTo("azure");
        assertThat(SecretStores.open(Map.of("auth_type", "WORKLOAD_IDENTITY", "projectId", "my-project"))
                .providerName()).isEqualTo("gcp");
        assertThat(SecretStores.open(Map.of("path", "/tmp/store")).providerName()).isEqualTo("local");
    }

    @Test
    @DisplayName("an unrecognised config lists the shapes it could have been")
    void unrecognised() {
        InvalidConfigException e = catchThrowableOfType(() -> SecretStores.open(Map.of("colour", "blue")),
                InvalidConfigException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("provider");
            assertThat(p.message()).contains("no installed provider recognises this config")
                    .contains("aws: auth_type + awsRegion").contains("azure: vaultUrl").contains("gcp: auth_type + projectId")
                    .contains("local: path");
        });
    }

    @Test
    @DisplayName("a config matching several shapes is ambiguous and lists the candidates")
    void ambiguous() {
        InvalidConfigException e = catchThrowableOfType(() -> SecretStores.open(Map.of(
                "vaultUrl", "https://v.vault.azure.net/", "projectId", "my-project")), InvalidConfigException.class);
        assertThat(e.getMessage()).contains("ambiguous").contains("azure: vaultUrl").contains("gcp: auth_type")
                .contains("naming one of azure, gcp");
    }

    @Test
    @DisplayName("openDefault and an empty config open the local store")
    void openDefault() {
        assertThat(SecretStores.openDefault().providerName()).isEqualTo("local");
        assertThat(SecretStores.open(Map.of()).providerName()).isEqualTo("local");
    }

    @Test
    @DisplayName("openDefault without a local provider says which jar to add")
    void openDefaultWithoutLocal(@TempDir Path dir) {
        ClassLoader loader = IsolatedProviderLoader.over(dir, List.of(MemoryProvider.class.getName()));
        assertThatThrownBy(() -> SecretStores.openDefault(loader)).isInstanceOf(NoSuchProviderException.class)
                .hasMessageStartingWith("local SecretStore not available")
                .hasMessageContaining("dev.secretstore:secretstore-local");
    }

    @Test
    @DisplayName("a provider whose open throws an unexpected exception is 'not available' with the cause, not its message")
    void openFailure() {
        SecretStoreProvider failing = new MemoryProvider() {
            @Override
            public SecretStoreSpi open(StoreConfig config) {
                throw new IllegalArgumentException("token=canary-open-secret");
            }
        };
        assertThatThrownBy(() -> SecretStores.open(failing, Map.of()))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("memory SecretStore not available")
                .hasMessageContaining("IllegalArgumentException")
                .hasMessageNotContaining("canary-open-secret")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("an unexpected open failure whose cause chain quotes a credential is attached with the credential masked")
    void openFailureCauseIsMasked() {
        String token = "canary-open-token-0b7e";
        SecretStoreProvider failing = new MemoryProvider() {
            @Override
            public List<ConfigField> configFields() {
                return List.of(ConfigField.builder("token").secret(true).build());
            }

            @Override
            public SecretStoreSpi open(StoreConfig config) {
                throw new IllegalStateException("client failed",
                        new IllegalArgumentException("token '" + config.string("token").orElseThrow() + "' rejected"));
            }
        };
        SecretStoreException e = catchThrowableOfType(() -> SecretStores.open(failing, Map.of("token", token)),
                SecretStoreException.class);
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(token)
                .contains("java.lang.IllegalStateException (message redacted by secretstore): client failed")
                .contains("java.lang.IllegalArgumentException (message redacted by secretstore): token '***' rejected");
        assertThat(e.getCause().getStackTrace()).isNotEmpty();
    }

    @Test
    @DisplayName("an unexpected failure of an operation whose cause chain quotes a credential is attached masked")
    void operationFailureCauseMasksCredentials() {
        String token = "canary-op-token-5c1d";
        InMemorySpi spi = new InMemorySpi();
        SecretStoreProvider provider = new MemoryProvider(spi) {
            @Override
            public List<ConfigField> configFields() {
                return List.of(ConfigField.builder("token").secret(true).build());
            }
        };
        SecretStore store = SecretStores.open(provider, Map.of("token", token));
        spi.failWith(() -> new IllegalStateException("401 from the service",
                new IllegalArgumentException("client token '" + token + "' expired")));

        SecretStoreException e = catchThrowableOfType(() -> store.read(SecretName.of("db/password")),
                SecretStoreException.class);

        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(token)
                .contains("java.lang.IllegalArgumentException (message redacted by secretstore): client token '***'");
        assertThat(e.getMessage()).contains("unexpected java.lang.IllegalStateException");
    }

    @Test
    @DisplayName("a typed failure from open keeps its type and gains provider and operation")
    void openTypedFailure() {
        SecretStoreProvider failing = new MemoryProvider() {
            @Override
            public SecretStoreSpi open(StoreConfig config) {
                throw new AuthenticationFailedException("the key does not decrypt the store");
            }
        };
        AuthenticationFailedException e = catchThrowableOfType(() -> SecretStores.open(failing, Map.of()),
                AuthenticationFailedException.class);
        assertThat(e.provider()).isEqualTo("memory");
        assertThat(e.operation()).contains(Operation.OPEN);
        assertThat(e.getMessage()).isEqualTo("memory: open authentication failed: the key does not decrypt the store");
    }
}
