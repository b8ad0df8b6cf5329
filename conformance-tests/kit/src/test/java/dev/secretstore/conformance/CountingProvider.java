package dev.secretstore.conformance;

import dev.secretstore.Capability;
import dev.secretstore.DeleteOptions;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider in front of another that counts every write call reaching the wrapped provider's SPI (the
 * local store's "backing service") and may declare fewer capabilities than the wrapped one. Counting at
 * the SPI boundary sees what the engine sends, not how the local store lays out its files.
 */
final class CountingProvider extends ForwardingProvider implements RequestCounter {

    private final Set<Capability> capabilities;
    private final AtomicLong writes = new AtomicLong();

    CountingProvider(SecretStoreProvider delegate) {
        this(delegate, delegate.capabilities());
    }

    /** Declares only {@code capabilities} (the engine then gates the others before they reach the store). */
    CountingProvider(SecretStoreProvider delegate, Set<Capability> capabilities) {
        super(delegate);
        this.capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
    }

    @Override
    public long writeAttempts() {
        return writes.get();
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    SecretStoreSpi wrap(SecretStoreSpi opened) {
        return new CountingSpi(opened);
    }

    private final class CountingSpi extends ForwardingSpi {
        CountingSpi(SecretStoreSpi spi) {
            super(spi);
        }

        @Override
        public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
            writes.incrementAndGet();
            return delegate.create(name, value, tags);
        }

        @Override
        public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags, Instant expiresAt) {
            writes.incrementAndGet();
            return delegate.create(name, value, tags, expiresAt);
        }

        @Override
        public SecretMetadata addVersion(SecretName name, SecretValue value) {
            writes.incrementAndGet();
            return delegate.addVersion(name, value);
        }

        @Override
        public void updateTags(SecretName name, Map<String, String> tags) {
            writes.incrementAndGet();
            delegate.updateTags(name, tags);
        }

        @Override
        public void delete(SecretName name, DeleteOptions options) {
            writes.incrementAndGet();
            delegate.delete(name, options);
        }

        @Override
        public SecretMetadata restore(SecretName name) {
            writes.incrementAndGet();
            return delegate.restore(name);
        }
    }
}
