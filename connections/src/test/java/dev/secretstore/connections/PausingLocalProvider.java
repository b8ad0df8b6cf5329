package dev.secretstore.connections;

import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.local.LocalSecretStoreProvider;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The local provider with a hook before every write and delete, so a crash test can stop a child process
 * exactly there. Everything else is the local store itself.
 */
final class PausingLocalProvider implements SecretStoreProvider {

    private final LocalSecretStoreProvider local = new LocalSecretStoreProvider();
    private final Consumer<String> beforeMutation;

    PausingLocalProvider(Consumer<String> beforeMutation) {
        this.beforeMutation = beforeMutation;
    }

    @Override
    public String name() {
        return local.name();
    }

    @Override
    public String description() {
        return local.description();
    }

    @Override
    public Set<Capability> capabilities() {
        return local.capabilities();
    }

    @Override
    public List<ConfigField> configFields() {
        return local.configFields();
    }

    @Override
    public List<ConfigProblem> validate(StoreConfig config) {
        return local.validate(config);
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        SecretStoreSpi spi = local.open(config);
        return new SecretStoreSpi() {
            @Override
            public StoreLimits limits() {
                return spi.limits();
            }

            @Override
            public String managedTagKey() {
                return spi.managedTagKey();
            }

            @Override
            public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
                beforeMutation.accept("create " + name);
                return spi.create(name, value, tags);
            }

            @Override
            public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags,
                                         java.time.Instant expiresAt) {
                beforeMutation.accept("create " + name);
                return spi.create(name, value, tags, expiresAt);
            }

            @Override
            public void checkName(SecretName name) {
                spi.checkName(name);
            }

            @Override
            public SecretMetadata addVersion(SecretName name, SecretValue value) {
                beforeMutation.accept("add-version " + name);
                return spi.addVersion(name, value);
            }

            @Override
            public void updateTags(SecretName name, Map<String, String> tags) {
                beforeMutation.accept("update-tags " + name);
                spi.updateTags(name, tags);
            }

            @Override
            public Optional<SecretMetadata> describe(SecretName name) {
                return spi.describe(name);
            }

            @Override
            public Secret read(SecretName name, Optional<String> version) {
                return spi.read(name, version);
            }

            @Override
            public Map<SecretName, ReadResult> readAll(List<SecretName> names) {
                return spi.readAll(names);
            }

            @Override
            public Page<SecretMetadata> list(ListOptions options) {
                return spi.list(options);
            }

            @Override
            public void delete(SecretName name, DeleteOptions options) {
                beforeMutation.accept("delete " + name);
                spi.delete(name, options);
            }

            @Override
            public SecretMetadata restore(SecretName name) {
                return spi.restore(name);
            }

            @Override
            public void close() {
                spi.close();
            }
        };
    }
}
