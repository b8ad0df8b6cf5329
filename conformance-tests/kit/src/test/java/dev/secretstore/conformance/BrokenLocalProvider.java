package dev.secretstore.conformance;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local provider with one deliberate flaw, to prove the kit notices it. Never registered with
 * ServiceLoader: tests hand it to {@code SecretStores.open(provider, config)} directly.
 */
final class BrokenLocalProvider implements SecretStoreProvider {

    /** What goes wrong. */
    enum Flaw {
        /** Logs every value it stores at debug level. */
        LOGS_VALUES,
        /** Stores secrets without the managed tag the engine asked for. */
        DROPS_MANAGED_TAG,
        /** Maps '_' to '-' in names, so two logical names share one native name. */
        FOLDS_SEPARATORS,
        /** Passes values through a String, which mangles bytes that are not UTF-8. */
        MANGLES_BINARY,
        /** Tries a denied write a second time, as a naive retry policy would. */
        RETRIES_DENIED_WRITES
    }

    private final SecretStoreProvider local;
    private final Flaw flaw;

    /** @param local the local provider (usually behind the fixture's write counter) */
    BrokenLocalProvider(Flaw flaw, SecretStoreProvider local) {
        this.flaw = flaw;
        this.local = local;
    }

    @Override
    public String name() {
        return "broken-local";
    }

    @Override
    public String description() {
        return "the local provider with a deliberate flaw: " + flaw;
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
    public SecretStoreSpi open(StoreConfig config) {
        return new FlawedSpi(local.open(config));
    }

    private final class FlawedSpi implements SecretStoreSpi {
        private final SecretStoreSpi delegate;

        FlawedSpi(SecretStoreSpi delegate) {
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
            Map<String, String> stored = new LinkedHashMap<>(tags);
            if (flaw == Flaw.DROPS_MANAGED_TAG) {
                stored.remove(managedTagKey());
            }
            try {
                return delegate.create(nativeName(name), stored(value), stored);
            } catch (AccessDeniedException denied) {
                if (flaw != Flaw.RETRIES_DENIED_WRITES) {
                    throw denied;
                }
                return delegate.create(nativeName(name), stored(value), stored);
            }
        }

        @Override
        public SecretMetadata addVersion(SecretName name, SecretValue value) {
            return delegate.addVersion(nativeName(name), stored(value));
        }

        @Override
        public void updateTags(SecretName name, Map<String, String> tags) {
            delegate.updateTags(nativeName(name), tags);
        }

        @Override
        public Optional<SecretMetadata> describe(SecretName name) {
            return delegate.describe(nativeName(name));
        }

        @Override
        public Secret read(SecretName name, Optional<String> version) {
            return delegate.read(nativeName(name), version);
        }

        @Override
        public Page<SecretMetadata> list(ListOptions options) {
            return delegate.list(options);
        }

        @Override
        public void delete(SecretName name, DeleteOptions options) {
            delegate.delete(nativeName(name), options);
        }

        @Override
        public void close() {
            delegate.close();
        }

        private SecretName nativeName(SecretName name) {
            return flaw == Flaw.FOLDS_SEPARATORS ? SecretName.of(name.value().replace('_', '-')) : name;
        }

        private SecretValue stored(SecretValue value) {
            if (flaw == Flaw.LOGS_VALUES) {
                System.getLogger("broken.provider").log(System.Logger.Level.DEBUG, "storing " + value.text());
            }
            if (flaw == Flaw.MANGLES_BINARY) {
                return SecretValue.ofBytes(new String(value.bytes(), UTF_8).getBytes(UTF_8));
            }
            return value;
        }
    }
}
