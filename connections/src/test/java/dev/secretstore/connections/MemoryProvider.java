package dev.secretstore.connections;

import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory store that counts its requests the way a cloud bills them: a batch read is one request per
 * {@link #BATCH_SIZE} names (as AWS BatchGetSecretValue, at most 20 secrets a call), every create, tag
 * update, describe and delete one request. Opened through the real engine ({@link SecretStores#open}),
 * so the engine's rules apply; tags can be switched off to stand for a store without them.
 */
final class MemoryProvider implements SecretStoreProvider {

    static final int BATCH_SIZE = 20;

    final AtomicInteger batchReads = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger deletes = new AtomicInteger();
    private final Map<SecretName, Entry> secrets = new TreeMap<>();
    private final boolean tags;
    private volatile Clock clock = Clock.systemUTC();

    private final boolean expiry;
    /** Refuses names with '/', as Azure Key Vault's native names do; the engine asks before any I/O. */
    private volatile boolean refuseSlashes;

    private record Entry(SecretValue value, Map<String, String> tags, Instant createdAt, Instant expiresAt) {
        Entry(SecretValue value, Map<String, String> tags, Instant createdAt) {
            this(value, tags, createdAt, null);
        }
    }

    private MemoryProvider(boolean tags, boolean expiry) {
        this.tags = tags;
        this.expiry = expiry;
    }

    /** Tags and a native expiry ({@link Capability#EXPIRY}), as a cloud store with TTLs has. */
    static MemoryProvider withTagsAndExpiry() {
        return new MemoryProvider(true, true);
    }

    static MemoryProvider withTags() {
        return new MemoryProvider(true, false);
    }

    static MemoryProvider withoutTags() {
        return new MemoryProvider(false, false);
    }

    SecretStore open() {
        return SecretStores.open(this, Map.of());
    }

    /** Every batch read fails as a store that cannot be reached would. */
    private volatile boolean unreachable;

    MemoryProvider unreachable(boolean down) {
        unreachable = down;
        return this;
    }

    MemoryProvider refusingSlashes() {
        refuseSlashes = true;
        return this;
    }

    void clock(Clock clock) {
        this.clock = clock;
    }

    int requests() {
        return batchReads.get() + writes.get() + deletes.get();
    }

    synchronized Set<SecretName> names() {
        return Set.copyOf(secrets.keySet());
    }

    /** Plants a secret without the managed tag, as another tool would. */
    synchronized void plantUnmanaged(SecretName name, String value, Instant createdAt) {
        secrets.put(name, new Entry(SecretValue.ofText(value), Map.of("owner", "someone-else"), createdAt));
    }

    @Override
    public String name() {
        return tags ? "memory" : "memory-no-tags";
    }

    @Override
    public String description() {
        return "in-memory test store";
    }

    @Override
    public Set<Capability> capabilities() {
        EnumSet<Capability> caps = EnumSet.of(Capability.BATCH_READ, Capability.LIST_BY_PREFIX);
        if (tags) {
            caps.add(Capability.TAGS);
        }
        if (expiry) {
            caps.add(Capability.EXPIRY);
        }
        return caps;
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of();
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        return new Spi();
    }

    private final class Spi implements SecretStoreSpi {

        @Override
        public StoreLimits limits() {
            return StoreLimits.defaults();
        }

        @Override
        public String managedTagKey() {
            return "AirbyteManaged";
        }

        @Override
        public void checkName(SecretName name) {
            if (refuseSlashes && name.value().contains("/")) {
                throw new dev.secretstore.InvalidSecretNameException("this store's names hold no '/'");
            }
        }

        @Override
        public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> requested) {
            return create(name, value, requested, null);
        }

        @Override
        public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> requested, Instant expiresAt) {
            synchronized (MemoryProvider.this) {
                writes.incrementAndGet();
                if (secrets.containsKey(name)) {
                    throw new SecretAlreadyExistsException("memory", null, name, "exists", null, null);
                }
                // A store without tags keeps only the managed marker, as a store with a fixed ownership label would.
                Map<String, String> kept = tags ? new LinkedHashMap<>(requested) : Map.of(managedTagKey(), "true");
                secrets.put(name, new Entry(SecretValue.ofText(value.text()), Map.copyOf(kept), clock.instant(), expiresAt));
                return meta(name);
            }
        }

        @Override
        public SecretMetadata addVersion(SecretName name, SecretValue value) {
            synchronized (MemoryProvider.this) {
                writes.incrementAndGet();
                Entry e = existing(name);
                secrets.put(name, new Entry(SecretValue.ofText(value.text()), e.tags(), e.createdAt()));
                return meta(name);
            }
        }

        @Override
        public void updateTags(SecretName name, Map<String, String> update) {
            synchronized (MemoryProvider.this) {
                writes.incrementAndGet();
                Entry e = existing(name);
                Map<String, String> merged = new LinkedHashMap<>(e.tags());
                merged.putAll(update);
                secrets.put(name, new Entry(e.value(), Map.copyOf(merged), e.createdAt()));
            }
        }

        @Override
        public Optional<SecretMetadata> describe(SecretName name) {
            synchronized (MemoryProvider.this) {
                return secrets.containsKey(name) ? Optional.of(meta(name)) : Optional.empty();
            }
        }

        @Override
        public Secret read(SecretName name, Optional<String> version) {
            synchronized (MemoryProvider.this) {
                batchReads.incrementAndGet();
                return Secret.of(name, "1", SecretValue.ofText(existing(name).value().text()));
            }
        }

        @Override
        public Map<SecretName, ReadResult> readAll(List<SecretName> names) {
            synchronized (MemoryProvider.this) {
                if (unreachable) {
                    throw new dev.secretstore.StoreUnavailableException("memory", null, null,
                            "connection refused", "check the network", null);
                }
                Map<SecretName, ReadResult> results = new LinkedHashMap<>();
                for (int from = 0; from < names.size(); from += BATCH_SIZE) {
                    batchReads.incrementAndGet();
                    for (SecretName name : names.subList(from, Math.min(names.size(), from + BATCH_SIZE))) {
                        Entry e = secrets.get(name);
                        results.put(name, e == null
                                ? ReadResult.failed(name, new SecretNotFoundException("memory", null, name, "no such secret", null, null))
                                : ReadResult.of(Secret.of(name, "1", SecretValue.ofText(e.value().text()))));
                    }
                }
                return results;
            }
        }

        @Override
        public Page<SecretMetadata> list(ListOptions options) {
            synchronized (MemoryProvider.this) {
                List<SecretMetadata> all = new ArrayList<>();
                for (SecretName name : secrets.keySet()) {
                    if (name.value().startsWith(options.prefix().orElse(""))) {
                        all.add(meta(name));
                    }
                }
                return Page.last(all);
            }
        }

        @Override
        public void delete(SecretName name, DeleteOptions options) {
            synchronized (MemoryProvider.this) {
                deletes.incrementAndGet();
                if (secrets.remove(name) == null) {
                    throw new SecretNotFoundException("memory", null, name, "no such secret", null, null);
                }
            }
        }

        private Entry existing(SecretName name) {
            Entry e = secrets.get(name);
            if (e == null) {
                throw new SecretNotFoundException("memory", null, name, "no such secret", null, null);
            }
            return e;
        }

        private SecretMetadata meta(SecretName name) {
            Entry e = secrets.get(name);
            return SecretMetadata.builder(name).tags(e.tags()).createdAt(e.createdAt()).expiresAt(e.expiresAt()).build();
        }
    }
}
