package dev.secretstore.conformance;

import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The local store's "service" with a fault table, as the cloud emulators have on their admin endpoint:
 * a provider layer right in front of the local SPI that counts every call by {@link CallKind} and fails
 * or delays the ones an injected rule covers. It raises what a provider's error mapping would raise for
 * the service's answer ({@link ThrottledException} for a 429, {@link StoreUnavailableException} for a 503
 * or a dropped connection); the retrying layer above it is the provider's retry policy.
 *
 * <p>A {@link FaultKind#CONNECTION_RESET} on a write or delete is processed first and then dropped (the
 * response is lost), the harder case for the caller; on reads, describes and lists it is dropped before
 * processing.
 */
final class ServiceFaults implements FaultInjector {

    private final int maxAttempts;
    private final Map<CallKind, AtomicLong> calls = new EnumMap<>(CallKind.class);
    private final List<Rule> rules = new ArrayList<>();

    /** @param maxAttempts the attempts the retry policy in front of this service makes */
    ServiceFaults(int maxAttempts) {
        this.maxAttempts = maxAttempts;
        for (CallKind kind : CallKind.values()) {
            calls.put(kind, new AtomicLong());
        }
    }

    /** A provider whose SPIs send their calls through this fault table. */
    SecretStoreProvider in(SecretStoreProvider service) {
        return new ForwardingProvider(service) {
            @Override
            SecretStoreSpi wrap(SecretStoreSpi opened) {
                return new FaultySpi(opened);
            }
        };
    }

    @Override
    public synchronized void inject(FaultKind kind, Set<CallKind> kinds, int count, Duration latency) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a fault needs at least one kind of call to apply to");
        }
        rules.add(new Rule(kind, EnumSet.copyOf(kinds), count <= 0 ? -1 : count, latency == null ? Duration.ZERO : latency));
    }

    @Override
    public synchronized void clear() {
        rules.clear();
    }

    @Override
    public long calls(CallKind kind) {
        return calls.get(kind).get();
    }

    @Override
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Counts the call and takes the first rule that covers it, using up one of its calls. */
    private synchronized Optional<Rule> arrive(CallKind kind) {
        calls.get(kind).incrementAndGet();
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.kinds.contains(kind) && rule.remaining != 0) {
                if (rule.remaining > 0) {
                    rule.remaining--;
                }
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private <T> T call(CallKind kind, Supplier<T> action) {
        Optional<Rule> fault = arrive(kind);
        if (fault.isEmpty()) {
            return action.get();
        }
        Rule rule = fault.get();
        switch (rule.kind) {
            case THROTTLED:
                throw new ThrottledException("the service throttled the request (rate exceeded)");
            case UNAVAILABLE:
                throw new StoreUnavailableException("the service is unavailable (HTTP 503)");
            case CONNECTION_RESET:
                if (kind == CallKind.WRITE || kind == CallKind.DELETE) {
                    action.get();
                }
                throw new StoreUnavailableException("the connection was reset before a response arrived");
            case LATENCY:
            default:
                sleep(rule.latency);
                return action.get();
        }
    }

    private static void sleep(Duration latency) {
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while the service was slow");
        }
    }

    private static final class Rule {
        final FaultKind kind;
        final Set<CallKind> kinds;
        final Duration latency;
        int remaining;

        Rule(FaultKind kind, Set<CallKind> kinds, int remaining, Duration latency) {
            this.kind = kind;
            this.kinds = kinds;
            this.remaining = remaining;
            this.latency = latency;
        }
    }

    private final class FaultySpi extends ForwardingSpi {
        FaultySpi(SecretStoreSpi delegate) {
            super(delegate);
        }

        @Override
        public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
            return call(CallKind.WRITE, () -> delegate.create(name, value, tags));
        }

        @Override
        public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags, java.time.Instant expiresAt) {
            return call(CallKind.WRITE, () -> delegate.create(name, value, tags, expiresAt));
        }

        @Override
        public SecretMetadata addVersion(SecretName name, SecretValue value) {
            return call(CallKind.WRITE, () -> delegate.addVersion(name, value));
        }

        @Override
        public void updateTags(SecretName name, Map<String, String> tags) {
            call(CallKind.WRITE, () -> {
                delegate.updateTags(name, tags);
                return null;
            });
        }

        @Override
        public Optional<SecretMetadata> describe(SecretName name) {
            return call(CallKind.DESCRIBE, () -> delegate.describe(name));
        }

        @Override
        public Secret read(SecretName name, Optional<String> version) {
            return call(CallKind.READ, () -> delegate.read(name, version));
        }

        @Override
        public Map<SecretName, ReadResult> readAll(List<SecretName> names) {
            // The local store has no batch call: it reads one by one, each a READ call of its own.
            return readOneByOne(names);
        }

        @Override
        public Page<SecretMetadata> list(ListOptions options) {
            return call(CallKind.LIST, () -> delegate.list(options));
        }

        @Override
        public void delete(SecretName name, DeleteOptions options) {
            call(CallKind.DELETE, () -> {
                delegate.delete(name, options);
                return null;
            });
        }

        @Override
        public SecretMetadata restore(SecretName name) {
            return call(CallKind.DELETE, () -> delegate.restore(name));
        }
    }
}
