package dev.secretstore.conformance;

import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * A provider's own retry policy, as a vendor without secretstore's provider-support library writes it:
 * each service call is tried up to {@code maxAttempts} times while it fails transiently (throttled or
 * unavailable), with a 1 ms backoff. The kit's tests put it in front of the local store's fault table.
 */
final class RetryingProvider extends ForwardingProvider {

    /** Which failures of which call are retried: the call's name ("create", "describe", ...) and the failure. */
    static final BiPredicate<String, SecretStoreException> TRANSIENT_ONLY =
            (call, failure) -> failure instanceof ThrottledException || failure instanceof StoreUnavailableException;

    private final int maxAttempts;
    private final BiPredicate<String, SecretStoreException> retryable;

    RetryingProvider(SecretStoreProvider delegate, int maxAttempts) {
        this(delegate, maxAttempts, TRANSIENT_ONLY);
    }

    RetryingProvider(SecretStoreProvider delegate, int maxAttempts, BiPredicate<String, SecretStoreException> retryable) {
        super(delegate);
        this.maxAttempts = maxAttempts;
        this.retryable = retryable;
    }

    @Override
    SecretStoreSpi wrap(SecretStoreSpi opened) {
        return new RetryingSpi(opened);
    }

    private <T> T attempt(String call, Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (SecretStoreException failure) {
                if (attempt >= maxAttempts || !retryable.test(call, failure)) {
                    throw failure;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    private final class RetryingSpi extends ForwardingSpi {
        RetryingSpi(SecretStoreSpi delegate) {
            super(delegate);
        }

        @Override
        public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
            return attempt("create", () -> delegate.create(name, value, tags));
        }

        @Override
        public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags, java.time.Instant expiresAt) {
            return attempt("create", () -> delegate.create(name, value, tags, expiresAt));
        }

        @Override
        public SecretMetadata addVersion(SecretName name, SecretValue value) {
            return attempt("addVersion", () -> delegate.addVersion(name, value));
        }

        @Override
        public void updateTags(SecretName name, Map<String, String> tags) {
            attempt("updateTags", () -> {
                delegate.updateTags(name, tags);
                return null;
            });
        }

        @Override
        public Optional<SecretMetadata> describe(SecretName name) {
            return attempt("describe", () -> delegate.describe(name));
        }

        @Override
        public Secret read(SecretName name, Optional<String> version) {
            return attempt("read", () -> delegate.read(name, version));
        }

        @Override
        public Map<SecretName, ReadResult> readAll(List<SecretName> names) {
            return readOneByOne(names);
        }

        @Override
        public Page<SecretMetadata> list(ListOptions options) {
            return attempt("list", () -> delegate.list(options));
        }

        @Override
        public void delete(SecretName name, DeleteOptions options) {
            attempt("delete", () -> {
                delegate.delete(name, options);
                return null;
            });
        }

        @Override
        public SecretMetadata restore(SecretName name) {
            return attempt("restore", () -> delegate.restore(name));
        }
    }
}
