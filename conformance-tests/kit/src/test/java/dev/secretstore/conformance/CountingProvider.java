package dev.secretstore.conformance;

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
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider in front of another that counts every write call reaching the wrapped provider's SPI (the
 * local store's "backing service") and may declare fewer capabilities than the wrapped one. Counting at
 * the SPI boundary sees what the engine sends, not how the local store lays out its files.
 */
final class CountingProvider implements SecretStoreProvider, RequestCounter {

    private final SecretStoreProvider delegate;
    private final Set<Capability> capabilities;
    private final AtomicLong writes = new AtomicLong();

    CountingProvider(SecretStoreProvider delegate) {
        this(delegate, delegate.capabilities());
    }

    /** Declares only {@code capabilities} (the engine then gates the others before they reach the store). */
    CountingProvider(SecretStoreProvider delegate, Set<Capability> capabilities) {
        this.delegate = delegate;
        this.capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
    }

    @Override
    public long writeAttempts() {
        return writes.get();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String type() {
        return delegate.type();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public String version() {
        return delegate.version();
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public List<ConfigField> configFields() {
        return delegate.configFields();
    }

    @Override
    public List<ConfigProblem> validate(StoreConfig config) {
        return delegate.validate(config);
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        return new CountingSpi(delegate.open(config));
    }

    private final class CountingSpi implements SecretStoreSpi {
        private final SecretStoreSpi spi;

        CountingSpi(SecretStoreSpi spi) {
            this.spi = spi;
        }

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
            writes.incrementAndGet();
            return spi.create(name, value, tags);
        }

        @Override
        public SecretMetadata addVersion(SecretName name, SecretValue value) {
            writes.incrementAndGet();
            return spi.addVersion(name, value);
        }

        @Override
        public void updateTags(SecretName name, Map<String, String> tags) {
            writes.incrementAndGet();
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
            writes.incrementAndGet();
            spi.delete(name, options);
        }

        @Override
        public SecretMetadata restore(SecretName name) {
            writes.incrementAndGet();
            return spi.restore(name);
        }

        @Override
        public void close() {
            spi.close();
        }
    }
}
