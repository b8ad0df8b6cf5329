package dev.secretstore.migrate;

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
import dev.secretstore.spi.SecretStoreDecorator;
import dev.secretstore.spi.SecretStoreSpi;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Config field {@code "slowWrites": <millis>}: a store that takes that long to answer after each write has been
 * made, as a remote store does. The crash tests give it to the target so that a kill often lands between a write
 * and its journal record, the moment that resuming must get right.
 */
public final class SlowWritesDecorator implements SecretStoreDecorator {

    @Override
    public String configField() {
        return "slowWrites";
    }

    @Override
    public List<ConfigProblem> validate(Object value) {
        return value instanceof Number ? List.of() : List.of(ConfigProblem.of("slowWrites", "expected milliseconds"));
    }

    @Override
    public SecretStoreSpi decorate(SecretStoreSpi store, Object value, String provider) {
        return new Slow(store, ((Number) value).longValue());
    }

    private static final class Slow implements SecretStoreSpi {
        private final SecretStoreSpi d;
        private final long millis;

        Slow(SecretStoreSpi d, long millis) {
            this.d = d;
            this.millis = millis;
        }

        private <T> T slow(T result) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result;
        }

        @Override
        public StoreLimits limits() {
            return d.limits();
        }

        @Override
        public String managedTagKey() {
            return d.managedTagKey();
        }

        @Override
        public void checkName(SecretName name) {
            d.checkName(name);
        }

        @Override
        public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
            return slow(d.create(name, value, tags));
        }

        @Override
        public SecretMetadata addVersion(SecretName name, SecretValue value) {
            return slow(d.addVersion(name, value));
        }

        @Override
        public void updateTags(SecretName name, Map<String, String> tags) {
            d.updateTags(name, tags);
            slow(null);
        }

        @Override
        public Optional<SecretMetadata> describe(SecretName name) {
            return d.describe(name);
        }

        @Override
        public Secret read(SecretName name, Optional<String> version) {
            return d.read(name, version);
        }

        @Override
        public List<String> listVersions(SecretName name) {
            return d.listVersions(name);
        }

        @Override
        public Map<SecretName, ReadResult> readAll(List<SecretName> names) {
            return d.readAll(names);
        }

        @Override
        public Page<SecretMetadata> list(ListOptions options) {
            return d.list(options);
        }

        @Override
        public void delete(SecretName name, DeleteOptions options) {
            d.delete(name, options);
            slow(null);
        }

        @Override
        public void close() {
            d.close();
        }
    }
}
