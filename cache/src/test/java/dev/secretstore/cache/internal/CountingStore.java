package dev.secretstore.cache.internal;

import dev.secretstore.DeleteOptions;
import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.spi.SecretStoreSpi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** An in-memory store that counts the requests it serves and can fail or stall them, for the cache's tests. */
final class CountingStore implements SecretStoreSpi {

    final Map<SecretName, List<String>> versions = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger batches = new AtomicInteger();
    final AtomicInteger batchedNames = new AtomicInteger();
    final AtomicInteger describes = new AtomicInteger();
    /** Values handed out by reads, so tests can see the cache zero its own copies. */
    final List<SecretValue> handedOut = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile Function<SecretName, SecretStoreException> failure = n -> null;
    volatile CountDownLatch stall;
    /** Names the cache asked this store to check ({@link #checkName}); {@link #refused} is refused. */
    final List<SecretName> checked = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile SecretName refused;
    /** What {@link #describeIsCheaperThanRead()} answers: false stands for Key Vault and Secret Manager. */
    volatile boolean describeCheaper = true;

    void set(String name, String value) {
        versions.computeIfAbsent(SecretName.of(name), n -> new ArrayList<>()).add(value);
    }

    int requests() {
        return reads.get() + batches.get() + describes.get();
    }

    private void maybeFail(SecretName name) {
        SecretStoreException e = failure.apply(name);
        if (e != null) {
            throw e;
        }
    }

    private void maybeStall() {
        CountDownLatch s = stall;
        if (s != null) {
            try {
                s.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Secret latest(SecretName name) {
        List<String> v = versions.get(name);
        if (v == null || v.isEmpty()) {
            throw new SecretNotFoundException("test", null, name, "no such secret", null, null);
        }
        SecretValue value = SecretValue.ofText(v.get(v.size() - 1));
        handedOut.add(value);
        return Secret.of(name, String.valueOf(v.size()), value);
    }

    @Override
    public void checkName(SecretName name) {
        checked.add(name);
        if (name.equals(refused)) {
            throw new InvalidSecretNameException("its native name would be too long");
        }
    }

    @Override
    public Secret read(SecretName name, Optional<String> version) {
        reads.incrementAndGet();
        maybeStall();
        maybeFail(name);
        return latest(name);
    }

    @Override
    public Map<SecretName, ReadResult> readAll(List<SecretName> names) {
        batches.incrementAndGet();
        batchedNames.addAndGet(names.size());
        maybeStall();
        Map<SecretName, ReadResult> out = new LinkedHashMap<>();
        for (SecretName n : names) {
            try {
                maybeFail(n);
                out.put(n, ReadResult.of(latest(n)));
            } catch (SecretStoreException e) {
                out.put(n, ReadResult.failed(n, e));
            }
        }
        return out;
    }

    @Override
    public boolean describeIsCheaperThanRead() {
        return describeCheaper;
    }

    @Override
    public Optional<SecretMetadata> describe(SecretName name) {
        describes.incrementAndGet();
        maybeFail(name);
        List<String> v = versions.get(name);
        return v == null ? Optional.empty()
                : Optional.of(SecretMetadata.builder(name).version(String.valueOf(v.size())).build());
    }

    @Override
    public StoreLimits limits() {
        return StoreLimits.defaults();
    }

    @Override
    public String managedTagKey() {
        return "Managed";
    }

    @Override
    public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
        set(name.value(), value.text());
        return describe(name).orElseThrow();
    }

    @Override
    public SecretMetadata addVersion(SecretName name, SecretValue value) {
        set(name.value(), value.text());
        return describe(name).orElseThrow();
    }

    @Override
    public void updateTags(SecretName name, Map<String, String> tags) {
    }

    @Override
    public Page<SecretMetadata> list(ListOptions options) {
        return Page.of(List.of(), null);
    }

    @Override
    public void delete(SecretName name, DeleteOptions options) {
        versions.remove(name);
    }
}
