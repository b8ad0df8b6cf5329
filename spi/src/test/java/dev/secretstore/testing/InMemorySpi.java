package dev.secretstore.testing;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Operation;
import dev.secretstore.Page;
import dev.secretstore.Secret;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.spi.SecretStoreSpi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A store kept in a map, for testing the engine's rules. Not an SDK mock: it is a complete, tiny
 * store implementation. Can deny writes or deletes, like a least-privileged credential.
 */
public class InMemorySpi implements SecretStoreSpi {

    private static final class Entry {
        final List<byte[]> versions = new ArrayList<>();
        final List<Boolean> text = new ArrayList<>();
        final Map<String, String> tags = new LinkedHashMap<>();
    }

    private final TreeMap<SecretName, Entry> secrets = new TreeMap<>();
    private final StoreLimits limits;
    private final String tagKey;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean denyWrites;
    private volatile boolean denyDeletes;
    private volatile boolean denyTagUpdates;
    private volatile Supplier<RuntimeException> failure;

    public InMemorySpi() {
        this(StoreLimits.defaults(), "AirbyteManaged");
    }

    public InMemorySpi(StoreLimits limits, String tagKey) {
        this.limits = limits;
        this.tagKey = tagKey;
    }

    public InMemorySpi denyWrites() {
        this.denyWrites = true;
        return this;
    }

    public InMemorySpi denyDeletes() {
        this.denyDeletes = true;
        return this;
    }

    /** Denies {@code updateTags} only, like a policy that allows writing values but not tagging. */
    public InMemorySpi denyTagUpdates() {
        this.denyTagUpdates = true;
        return this;
    }

    /** Every following call throws what {@code failure} supplies. */
    public InMemorySpi failWith(Supplier<RuntimeException> failure) {
        this.failure = failure;
        return this;
    }

    /** Number of store calls made, to prove that validation happened before any I/O. */
    public int calls() {
        return calls.get();
    }

    /** Places a secret directly, as another tool would (no managed tag unless given). */
    public synchronized void plant(SecretName name, SecretValue value, Map<String, String> tags) {
        Entry e = new Entry();
        e.versions.add(value.bytes());
        e.text.add(value.isText());
        e.tags.putAll(tags);
        secrets.put(name, e);
    }

    /** The raw bytes of the latest version, read without the engine. */
    public synchronized Optional<byte[]> rawLatest(SecretName name) {
        Entry e = secrets.get(name);
        return e == null ? Optional.empty() : Optional.of(e.versions.get(e.versions.size() - 1).clone());
    }

    public synchronized Map<String, String> rawTags(SecretName name) {
        Entry e = secrets.get(name);
        return e == null ? Map.of() : Map.copyOf(e.tags);
    }

    public synchronized int versionCount(SecretName name) {
        Entry e = secrets.get(name);
        return e == null ? 0 : e.versions.size();
    }

    private void io(Operation op, SecretName name, boolean write) {
        calls.incrementAndGet();
        Supplier<RuntimeException> f = failure;
        if (f != null) {
            throw f.get();
        }
        if (write && denyWrites) {
            throw new AccessDeniedException("memory", op, name, "the credentials are read-only", null, null);
        }
    }

    @Override
    public StoreLimits limits() {
        return limits;
    }

    @Override
    public String managedTagKey() {
        return tagKey;
    }

    @Override
    public synchronized SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
        io(Operation.CREATE, name, true);
        if (secrets.containsKey(name)) {
            throw new SecretAlreadyExistsException("memory", Operation.CREATE, name, "exists", null, null);
        }
        Entry e = new Entry();
        e.versions.add(value.bytes());
        e.text.add(value.isText());
        e.tags.putAll(tags);
        secrets.put(name, e);
        return meta(name, e);
    }

    @Override
    public synchronized SecretMetadata addVersion(SecretName name, SecretValue value) {
        io(Operation.PUT, name, true);
        Entry e = existing(name);
        e.versions.add(value.bytes());
        e.text.add(value.isText());
        return meta(name, e);
    }

    @Override
    public synchronized void updateTags(SecretName name, Map<String, String> tags) {
        io(Operation.TAG, name, true);
        if (denyTagUpdates) {
            throw new AccessDeniedException("memory", Operation.TAG, name, "tagging is not allowed", null, null);
        }
        existing(name).tags.putAll(tags);
    }

    @Override
    public synchronized Optional<SecretMetadata> describe(SecretName name) {
        io(Operation.DESCRIBE, name, false);
        Entry e = secrets.get(name);
        return e == null ? Optional.empty() : Optional.of(meta(name, e));
    }

    @Override
    public synchronized Secret read(SecretName name, Optional<String> version) {
        io(Operation.READ, name, false);
        Entry e = existing(name);
        int index = version.map(v -> Integer.parseInt(v) - 1).orElse(e.versions.size() - 1);
        if (index < 0 || index >= e.versions.size()) {
            throw new SecretNotFoundException("memory", Operation.READ, name, "no such version", null, null);
        }
        byte[] bytes = e.versions.get(index);
        SecretValue value = e.text.get(index)
                ? SecretValue.ofText(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                : SecretValue.ofBytes(bytes);
        return Secret.of(name, String.valueOf(index + 1), value);
    }

    @Override
    public synchronized Page<SecretMetadata> list(ListOptions options) {
        io(Operation.LIST, null, false);
        String prefix = options.prefix().orElse("");
        List<SecretName> names = secrets.keySet().stream().filter(n -> n.value().startsWith(prefix))
                .collect(Collectors.toList());
        int start = options.pageToken().map(Integer::parseInt).orElse(0);
        int end = Math.min(names.size(), start + options.pageSize());
        List<SecretMetadata> items = names.subList(start, end).stream().map(n -> meta(n, secrets.get(n)))
                .collect(Collectors.toList());
        return Page.of(items, end < names.size() ? String.valueOf(end) : null);
    }

    @Override
    public synchronized void delete(SecretName name, DeleteOptions options) {
        io(Operation.DELETE, name, true);
        if (denyDeletes) {
            throw new AccessDeniedException("memory", Operation.DELETE, name, "delete is not allowed", null, null);
        }
        existing(name);
        secrets.remove(name);
    }

    private Entry existing(SecretName name) {
        Entry e = secrets.get(name);
        if (e == null) {
            throw new SecretNotFoundException("memory", null, name, "no such secret", null, null);
        }
        return e;
    }

    private static SecretMetadata meta(SecretName name, Entry e) {
        return SecretMetadata.builder(name).nativeId("mem:" + name).version(String.valueOf(e.versions.size()))
                .tags(e.tags).build();
    }
}
