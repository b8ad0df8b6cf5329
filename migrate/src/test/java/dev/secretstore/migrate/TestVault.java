package dev.secretstore.migrate;

import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.Secret;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A third-party store as a vendor would write it, against the SPI only: secrets in a map, with versions and tags,
 * the limits and capabilities a test gives it, and faults a test switches on (throttling, corrupted reads, a
 * failing read). Not a mock of anything: a complete, tiny store.
 */
final class TestVault implements SecretStoreSpi {

    private static final class Entry {
        final List<byte[]> versions = new ArrayList<>();
        final List<Boolean> text = new ArrayList<>();
        final Map<String, String> tags = new LinkedHashMap<>();
    }

    private final TreeMap<String, Entry> secrets = new TreeMap<>();
    private final StoreLimits limits;
    private final Set<Capability> capabilities;
    private final String name;
    final AtomicInteger throttleNext = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger failNextReads = new AtomicInteger();
    volatile Predicate<String> corruptReadsOf = n -> false;

    TestVault(String name, StoreLimits limits, Set<Capability> capabilities) {
        this.name = name;
        this.limits = limits;
        this.capabilities = capabilities;
    }

    static TestVault withHistory(String name) {
        return new TestVault(name, StoreLimits.defaults(), EnumSet.of(Capability.VERSIONS, Capability.TAGS,
                Capability.LIST_BY_PREFIX, Capability.READ_SPECIFIC_VERSION, Capability.LIST_VERSIONS, Capability.BINARY));
    }

    static TestVault latestOnly(String name) {
        return new TestVault(name, StoreLimits.defaults(), EnumSet.of(Capability.VERSIONS, Capability.TAGS,
                Capability.LIST_BY_PREFIX, Capability.READ_SPECIFIC_VERSION, Capability.BINARY));
    }

    SecretStore open() {
        TestVault vault = this;
        return SecretStores.open(new SecretStoreProvider() {
            @Override
            public String name() {
                return vault.name;
            }

            @Override
            public String description() {
                return "test vault";
            }

            @Override
            public Set<Capability> capabilities() {
                return capabilities;
            }

            @Override
            public List<ConfigField> configFields() {
                return List.of();
            }

            @Override
            public SecretStoreSpi open(StoreConfig config) {
                return vault;
            }
        }, Map.of());
    }

    /** Every stored version of a secret, as text, oldest first; empty if absent. */
    synchronized List<String> values(String secret) {
        Entry e = secrets.get(secret);
        return e == null ? List.of()
                : e.versions.stream().map(b -> new String(b, StandardCharsets.UTF_8)).collect(Collectors.toList());
    }

    synchronized Map<String, String> tags(String secret) {
        return Map.copyOf(secrets.get(secret).tags);
    }

    synchronized Set<String> names() {
        return Set.copyOf(secrets.keySet());
    }

    private void fault(SecretName secret) {
        if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ThrottledException("rate exceeded (test)");
        }
    }

    @Override
    public StoreLimits limits() {
        return limits;
    }

    @Override
    public String managedTagKey() {
        return "AirbyteManaged";
    }

    @Override
    public synchronized SecretMetadata create(SecretName secret, SecretValue value, Map<String, String> tags) {
        fault(secret);
        if (secrets.containsKey(secret.value())) {
            throw new SecretAlreadyExistsException("exists");
        }
        Entry e = new Entry();
        e.tags.putAll(tags);
        e.versions.add(value.bytes());
        e.text.add(value.isText());
        secrets.put(secret.value(), e);
        writes.incrementAndGet();
        return meta(secret, e);
    }

    @Override
    public synchronized SecretMetadata addVersion(SecretName secret, SecretValue value) {
        fault(secret);
        Entry e = existing(secret);
        e.versions.add(value.bytes());
        e.text.add(value.isText());
        writes.incrementAndGet();
        return meta(secret, e);
    }

    @Override
    public synchronized void updateTags(SecretName secret, Map<String, String> tags) {
        fault(secret);
        existing(secret).tags.putAll(tags);
        writes.incrementAndGet();
    }

    @Override
    public synchronized Optional<SecretMetadata> describe(SecretName secret) {
        fault(secret);
        Entry e = secrets.get(secret.value());
        return e == null ? Optional.empty() : Optional.of(meta(secret, e));
    }

    @Override
    public synchronized Secret read(SecretName secret, Optional<String> version) {
        fault(secret);
        if (failNextReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreUnavailableException("connection reset (test)");
        }
        Entry e = existing(secret);
        int index = version.map(v -> Integer.parseInt(v) - 1).orElse(e.versions.size() - 1);
        if (index < 0 || index >= e.versions.size()) {
            throw new SecretNotFoundException("no such version");
        }
        byte[] bytes = e.versions.get(index).clone();
        if (corruptReadsOf.test(secret.value())) {
            bytes = (new String(bytes, StandardCharsets.UTF_8) + "-corrupted").getBytes(StandardCharsets.UTF_8);
        }
        SecretValue value = e.text.get(index) ? SecretValue.ofText(new String(bytes, StandardCharsets.UTF_8))
                : SecretValue.ofBytes(bytes);
        return Secret.of(secret, String.valueOf(index + 1), value);
    }

    @Override
    public synchronized List<String> listVersions(SecretName secret) {
        fault(secret);
        Entry e = existing(secret);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= e.versions.size(); i++) {
            ids.add(String.valueOf(i));
        }
        return ids;
    }

    @Override
    public synchronized Page<SecretMetadata> list(ListOptions options) {
        fault(null);
        String prefix = options.prefix().orElse("");
        List<SecretMetadata> items = secrets.entrySet().stream().filter(en -> en.getKey().startsWith(prefix))
                .map(en -> meta(SecretName.of(en.getKey()), en.getValue())).collect(Collectors.toList());
        return Page.of(items, null);
    }

    @Override
    public synchronized void delete(SecretName secret, DeleteOptions options) {
        fault(secret);
        existing(secret);
        secrets.remove(secret.value());
        writes.incrementAndGet();
    }

    private Entry existing(SecretName secret) {
        Entry e = secrets.get(secret.value());
        if (e == null) {
            throw new SecretNotFoundException("no such secret");
        }
        return e;
    }

    private static SecretMetadata meta(SecretName secret, Entry e) {
        return SecretMetadata.builder(secret).version(String.valueOf(e.versions.size())).tags(e.tags).build();
    }

    @Override
    public String toString() {
        return "TestVault[" + name + "]";
    }
}
