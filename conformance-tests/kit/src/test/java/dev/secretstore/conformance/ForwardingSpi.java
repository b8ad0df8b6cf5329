package dev.secretstore.conformance;

import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.VerificationStep;
import dev.secretstore.spi.SecretStoreSpi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An SPI that forwards every call; the kit's test providers override the calls they change. */
class ForwardingSpi implements SecretStoreSpi {

    final SecretStoreSpi delegate;

    ForwardingSpi(SecretStoreSpi delegate) {
        this.delegate = delegate;
    }

    @Override
    public StoreLimits limits() {
        return delegate.limits();
    }

    @Override
    public String managedTagKey() {
        return delegate.managedTagKey();
    }

    @Override
    public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
        return delegate.create(name, value, tags);
    }

    @Override
    public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags, Instant expiresAt) {
        return delegate.create(name, value, tags, expiresAt);
    }

    @Override
    public void checkName(SecretName name) {
        delegate.checkName(name);
    }

    @Override
    public List<VerificationStep> extraVerificationSteps(SecretName testSecret) {
        return delegate.extraVerificationSteps(testSecret);
    }

    @Override
    public Duration permissionPropagationWait() {
        return delegate.permissionPropagationWait();
    }

    @Override
    public <T> Optional<T> feature(Class<T> type) {
        return delegate.feature(type);
    }

    @Override
    public SecretMetadata addVersion(SecretName name, SecretValue value) {
        return delegate.addVersion(name, value);
    }

    @Override
    public void updateTags(SecretName name, Map<String, String> tags) {
        delegate.updateTags(name, tags);
    }

    @Override
    public Optional<SecretMetadata> describe(SecretName name) {
        return delegate.describe(name);
    }

    @Override
    public Secret read(SecretName name, Optional<String> version) {
        return delegate.read(name, version);
    }

    @Override
    public Map<SecretName, ReadResult> readAll(List<SecretName> names) {
        return delegate.readAll(names);
    }

    /** readAll as the SPI's default does it: through {@link #read}, one name at a time, each failure a result. */
    final Map<SecretName, ReadResult> readOneByOne(List<SecretName> names) {
        Map<SecretName, ReadResult> results = new java.util.LinkedHashMap<>();
        for (SecretName name : names) {
            try {
                results.put(name, ReadResult.of(read(name, Optional.empty())));
            } catch (dev.secretstore.SecretStoreException e) {
                results.put(name, ReadResult.failed(name, e));
            }
        }
        return results;
    }

    @Override
    public Page<SecretMetadata> list(ListOptions options) {
        return delegate.list(options);
    }

    @Override
    public void delete(SecretName name, DeleteOptions options) {
        delegate.delete(name, options);
    }

    @Override
    public SecretMetadata restore(SecretName name) {
        return delegate.restore(name);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
