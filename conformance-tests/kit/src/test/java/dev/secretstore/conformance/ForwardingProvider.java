package dev.secretstore.conformance;

import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.SecretStoreException;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.spi.VerificationStepKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A provider in front of another: everything is forwarded, and each opened SPI goes through {@link #wrap}. */
abstract class ForwardingProvider implements SecretStoreProvider {

    final SecretStoreProvider delegate;

    ForwardingProvider(SecretStoreProvider delegate) {
        this.delegate = delegate;
    }

    /** The SPI the engine gets for one opened store. */
    abstract SecretStoreSpi wrap(SecretStoreSpi opened);

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        return wrap(delegate.open(config));
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
        return delegate.capabilities();
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
    public boolean recognises(java.util.Map<String, ?> config) {
        return delegate.recognises(config);
    }

    @Override
    public String shapeDescription() {
        return delegate.shapeDescription();
    }

    @Override
    public List<ConfigField> policyOptions() {
        return delegate.policyOptions();
    }

    @Override
    public Optional<String> recommendedPolicy(java.util.Map<String, String> options) {
        return delegate.recommendedPolicy(options);
    }

    @Override
    public Optional<String> remediation(VerificationStepKind step, SecretStoreException failure) {
        return delegate.remediation(step, failure);
    }
}
