package dev.secretstore;

import dev.secretstore.internal.CauseRedaction;
import dev.secretstore.internal.Verifier;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The engine users hold: one opened secret store. It wraps a provider's {@link SecretStoreSpi} (as
 * {@code KeyStore} wraps {@code KeyStoreSpi}) and enforces, once for every provider: name and size
 * checks before any I/O, the managed tag {@code <managedTagKey>=true} on every write, refusal to
 * overwrite or delete secrets that are not managed, {@code list} showing managed secrets only, and
 * exceptions that always name provider, operation and secret — never a value.
 *
 * <pre>{@code
 * try (SecretStore store = SecretStores.open(Map.of("provider", "local"))) {
 *     SecretName name = SecretName.of("db/password");
 *     store.put(name, SecretValue.ofText("s3cr3t"), Map.of("team", "data"));
 *     String password = store.read(name).value().text();
 *     store.listAll("db/").forEach(m -> System.out.println(m.name()));
 *     store.delete(name);
 * }
 * }</pre>
 *
 * Thread-safe if the provider's SPI is (which the SPI requires).
 */
public final class SecretStore implements AutoCloseable {

    private final ProviderInfo info;
    private final SecretStoreProvider provider;
    private final SecretStoreSpi spi;
    private final String tagKey;
    private final StoreLimits limits;
    /** The config's secret values, masked in foreign causes: a client's error may quote its credential. */
    private final List<String> credentials;
    /** {@link SecretStoreSpi#lendsHeldValues()}, asked once: a decorator's answer does not change. */
    private final boolean lendsHeldValues;

    SecretStore(ProviderInfo info, SecretStoreProvider provider, SecretStoreSpi spi, List<String> credentials) {
        this.credentials = List.copyOf(credentials);
        this.info = Objects.requireNonNull(info, "info");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.spi = Objects.requireNonNull(spi, "spi");
        this.tagKey = Objects.requireNonNull(spi.managedTagKey(), "managedTagKey");
        this.limits = Objects.requireNonNull(spi.limits(), "limits");
        this.lendsHeldValues = spi.lendsHeldValues();
    }

    /** @return the provider's name, e.g. "aws" */
    public String providerName() {
        return info.name();
    }

    /** @return the provider's description */
    public ProviderInfo provider() {
        return info;
    }

    /** @return the provider's capabilities */
    public Set<Capability> capabilities() {
        return info.capabilities();
    }

    /**

     * @param capability a capability

     * @return whether the provider supports it

     */
    public boolean supports(Capability capability) {
        return info.supports(capability);
    }

    /** @return the store's limits */
    public StoreLimits limits() {
        return limits;
    }

    /** @return the managed tag key; every secret written through this store carries {@code <key>=true} */
    public String managedTagKey() {
        return tagKey;
    }

    // ---- writes -------------------------------------------------------------------------------

    /**
     * @param name  name
     * @param value value
     * @return metadata of the new secret
     * @throws SecretAlreadyExistsException if it exists
     */
    public SecretMetadata create(SecretName name, SecretValue value) {
        return create(name, value, Map.of());
    }

    /**
     * Creates a secret tagged {@code <managedTagKey>=true} plus the user's tags.
     *
     * @param name     name
     * @param value    value
     * @param userTags extra tags; may not contain the managed tag key in any case
     * @return metadata of the new secret
     * @throws SecretAlreadyExistsException if it exists
     * @throws InvalidRequestException      for a bad name, size or tag, before any I/O
     */
    public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> userTags) {
        Operation op = Operation.CREATE;
        checkWrite(op, name, value, userTags);
        return call(op, name, value, () -> spi.create(name, value, withManagedTag(userTags)));
    }

    /**
     * Creates a secret with the options' user tags and, if given, an expiry after which the store deletes it by
     * itself ({@link Capability#EXPIRY}).
     *
     * <pre>{@code
     * store.create(name, value, CreateOptions.expiringAt(Instant.now().plus(Duration.ofMinutes(30))));
     * }</pre>
     *
     * @param name    name
     * @param value   value
     * @param options user tags and expiry
     * @return metadata of the new secret
     * @throws SecretAlreadyExistsException    if it exists
     * @throws UnsupportedCapabilityException  for an expiry on a store without {@link Capability#EXPIRY}, before any I/O
     * @throws InvalidRequestException         for an expiry that is not in the future, or a bad name, size or tag
     */
    public SecretMetadata create(SecretName name, SecretValue value, CreateOptions options) {
        Operation op = Operation.CREATE;
        Objects.requireNonNull(options, "options");
        checkWrite(op, name, value, options.tags());
        Optional<java.time.Instant> expiresAt = options.expiresAt();
        if (expiresAt.isEmpty()) {
            return call(op, name, value, () -> spi.create(name, value, withManagedTag(options.tags())));
        }
        requireCapability(op, name, Capability.EXPIRY);
        java.time.Instant at = expiresAt.get();
        if (!at.isAfter(java.time.Instant.now())) {
            throw new InvalidRequestException(info.name(), op, name, "the expiry time " + at + " is not in the future",
                    "give an expiry after the current time", null);
        }
        return call(op, name, value, () -> spi.create(name, value, withManagedTag(options.tags()), at));
    }

    /**
     * @param name  name
     * @param value value
     * @return metadata after the write
     */
    public SecretMetadata put(SecretName name, SecretValue value) {
        return put(name, value, Map.of());
    }

    /**
     * Creates the secret, or adds a new version if it exists and is managed; user tags are merged into
     * the existing ones. The tags are written before the new value, so a refused tag update leaves the
     * value as it was.
     *
     * @param name     name
     * @param value    value
     * @param userTags extra tags; may not contain the managed tag key in any case
     * @return metadata after the write
     * @throws NotManagedException if the secret exists without the managed tag (nothing is changed)
     */
    public SecretMetadata put(SecretName name, SecretValue value, Map<String, String> userTags) {
        Operation op = Operation.PUT;
        checkWrite(op, name, value, userTags);
        Optional<SecretMetadata> existing = call(op, name, value, () -> spi.describe(name));
        if (existing.isEmpty()) {
            try {
                return call(op, name, value, () -> spi.create(name, value, withManagedTag(userTags)));
            } catch (SecretAlreadyExistsException raced) {
                // Someone created it between describe and create: fall through to the update path.
                existing = call(op, name, value, () -> spi.describe(name));
                if (existing.isEmpty()) {
                    throw raced;
                }
            }
        }
        SecretMetadata current = existing.get();
        requireManaged(op, current);
        if (current.deletionDate().isPresent()) {
            throw new SecretAlreadyExistsException(info.name(), op, name,
                    "the secret is scheduled for deletion", "restore it or wait until it is purged", null);
        }
        checkTagCount(op, name, current.tags(), userTags);
        if (userTags.isEmpty()) {
            return call(op, name, value, () -> spi.addVersion(name, value));
        }
        // Tags before the value: a store that refuses the tags (a policy allowing values but not tagging)
        // then fails the put with the value untouched, instead of storing it and reporting a failure.
        Map<String, String> tags = withManagedTag(userTags);
        call(op, name, value, () -> {
            spi.updateTags(name, tags);
            return null;
        });
        SecretMetadata updated = call(op, name, value, () -> spi.addVersion(name, value));
        Map<String, String> merged = new LinkedHashMap<>(updated.tags());
        merged.putAll(tags);
        return updated.toBuilder().tags(merged).build();
    }

    /**
     * Runs every check that {@link #create(SecretName, SecretValue, Map)} makes before any I/O, for the name and
     * tags only, without any I/O itself: the portable name rules and this store's name length, the provider's own
     * naming rules ({@link SecretStoreSpi#checkName}, e.g. a native name's length after encoding), and the user
     * tags' keys, values, characters and count (the managed tag included). A tool that is about to write many
     * secrets (a migration's dry run) finds every name and tag the store cannot hold before it writes anything:
     *
     * <pre>{@code
     * try { target.checkWritable(name, tags); } catch (InvalidRequestException e) { offenders.add(e.getMessage()); }
     * }</pre>
     *
     * @param name     name
     * @param userTags the user tags the secret would carry (without the managed tag)
     * @throws InvalidRequestException        for a name or tag this store cannot hold ({@link InvalidSecretNameException}
     *                                        for the name); the message says which and why
     * @throws UnsupportedCapabilityException for user tags on a store without {@link Capability#TAGS}
     */
    public void checkWritable(SecretName name, Map<String, String> userTags) {
        Operation op = Operation.CREATE;
        checkName(op, name);
        checkTags(op, name, Objects.requireNonNull(userTags, "userTags"));
    }

    // ---- reads --------------------------------------------------------------------------------

    /**
     * Reads the latest version. Works on any secret, managed or not.
     *
     * @param name name
     * @return the secret
     * @throws SecretNotFoundException if absent
     */
    public Secret read(SecretName name) {
        Operation op = Operation.READ;
        checkLength(op, name);
        // The provider's name check and the read in one SPI call (a cache looks a name up once), and no lambda:
        // on the hottest path of the API, a warm cached read, the only allocation is the copy it returns.
        try {
            return spi.checkNameAndRead(name);
        } catch (RuntimeException e) {
            throw providerFailure(op, name, null, e);
        }
    }

    /**
     * Reads the latest version and hands its value to {@code use} without a copy of the caller's: on a store with
     * a cache, {@code use} reads the cached bytes in place, so a warm read makes no copy at all; on any
     * other store, {@code use} reads a fresh copy that is zeroed as soon as it returns. Works on any secret, managed
     * or not, with the same errors as {@link #read(SecretName)}.
     *
     * <pre>{@code
     * boolean valid = store.withValue(name, v -> v.contentEquals(presentedToken));
     * char[] password = store.withValue(name, SecretView::chars);
     * }</pre>
     *
     * <p>The view is valid only while {@code use} runs: keep what it returns, never the view. When a cache evicts
     * (and zeroes) the value during one of the view's reads, that read throws {@link IllegalStateException} instead
     * of answering from zeroed bytes, and {@code use} runs once more, from the start, on a copy read for the
     * purpose. So {@code use} should only read and compute (decode, compare, parse): side effects it has before
     * its last read of the view may happen twice. An exception {@code use} throws otherwise reaches the caller as
     * it is.
     *
     * @param name name
     * @param use  what to do with the value; its result is returned
     * @param <T>  the result's type
     * @return what {@code use} returned
     * @throws SecretNotFoundException if absent
     */
    public <T> T withValue(SecretName name, Function<? super SecretView, ? extends T> use) {
        Operation op = Operation.READ;
        checkLength(op, name);
        Objects.requireNonNull(use, "use");
        SecretValue lent;
        try {
            lent = spi.checkNameAndLend(name);
        } catch (RuntimeException e) {
            throw providerFailure(op, name, null, e);
        }
        if (!lendsHeldValues) {
            return useAndDestroy(lent, use);
        }
        try {
            return use.apply(lent.view());
        } catch (IllegalStateException e) {
            return useAgainIfEvicted(name, lent, use, e);
        }
    }

    /** Kept out of {@link #withValue}, which stays small enough to be inlined whole on the hot path. */
    private <T> T useAgainIfEvicted(SecretName name, SecretValue lent, Function<? super SecretView, ? extends T> use,
            IllegalStateException failure) {
        if (!lent.isDestroyed()) {
            throw failure; // the function's own
        }
        // Evicted while read: once more, on a value nobody else can destroy.
        return useAndDestroy(read(name).value(), use);
    }

    private static <T> T useAndDestroy(SecretValue own, Function<? super SecretView, ? extends T> use) {
        try {
            return use.apply(own.view());
        } finally {
            own.destroy();
        }
    }

    /**
     * @param name    name
     * @param version a version id from {@link Secret#version()} or {@link SecretMetadata#version()}
     * @return that version
     * @throws UnsupportedCapabilityException without {@link Capability#READ_SPECIFIC_VERSION}
     */
    public Secret read(SecretName name, String version) {
        Operation op = Operation.READ;
        checkName(op, name);
        if (version == null || version.isBlank()) {
            throw new InvalidRequestException(info.name(), op, name, "a version is required", null, null);
        }
        requireCapability(op, name, Capability.READ_SPECIFIC_VERSION);
        return call(op, name, () -> spi.read(name, Optional.of(version)));
    }

    /**
     * The ids of the secret's versions that can still be read, oldest first (the last is the latest), so that a
     * tool can copy a secret's whole history: {@code store.listVersions(name).forEach(v -> copy(store.read(name, v)))}.
     * Works on any secret, managed or not.
     *
     * @param name name
     * @return version ids, oldest first
     * @throws UnsupportedCapabilityException without {@link Capability#LIST_VERSIONS}, before any I/O
     * @throws SecretNotFoundException        if absent
     */
    public List<String> listVersions(SecretName name) {
        Operation op = Operation.READ;
        checkName(op, name);
        requireCapability(op, name, Capability.LIST_VERSIONS);
        return List.copyOf(call(op, name, () -> spi.listVersions(name)));
    }

    /**
     * Reads several secrets: one result per distinct name, in the order given; a missing or unreadable
     * secret is a failed result, not an exception.
     *
     * @param names the names
     * @return a result per name
     */
    public Map<SecretName, ReadResult> readAll(Collection<SecretName> names) {
        // Loops, not streams: a platform hydrates a connection's few names this way over and over, mostly from a
        // cache, where a stream pipeline and its lambdas cost as much as the cached reads themselves.
        Operation op = Operation.READ_ALL;
        List<SecretName> distinct = distinct(names);
        for (SecretName n : distinct) {
            checkName(op, n);
        }
        Map<SecretName, ReadResult> fromProvider = distinct.isEmpty() ? Map.of()
                : call(op, null, () -> spi.readAll(distinct));
        Map<SecretName, ReadResult> results = new LinkedHashMap<>(distinct.size() * 4 / 3 + 1);
        for (SecretName n : distinct) {
            ReadResult r = fromProvider.get(n);
            if (r == null) {
                r = ReadResult.failed(n, new SecretStoreException(info.name(), op, n,
                        "the provider returned no result for this name", null, null));
            }
            Optional<SecretStoreException> failure = r.failure();
            if (failure.isPresent()) {
                failure.get().withContext(info.name(), op, n);
            }
            results.put(n, r);
        }
        return java.util.Collections.unmodifiableMap(results);
    }

    /** The names once each, in the order given (a linear scan for the few names of one connection). */
    private static List<SecretName> distinct(Collection<SecretName> names) {
        if (names.size() > 16) {
            return new ArrayList<>(new java.util.LinkedHashSet<>(names));
        }
        List<SecretName> distinct = new ArrayList<>(names.size());
        for (SecretName n : names) {
            if (!distinct.contains(n)) {
                distinct.add(n);
            }
        }
        return distinct;
    }

    /**
     * @param name name
     * @return metadata and tags, no value
     * @throws SecretNotFoundException if absent
     */
    public SecretMetadata describe(SecretName name) {
        return find(name).orElseThrow(() -> new SecretNotFoundException(info.name(), Operation.DESCRIBE, name,
                "no such secret", null, null));
    }

    /**
     * @param name name
     * @return metadata, or empty if absent
     */
    public Optional<SecretMetadata> find(SecretName name) {
        checkName(Operation.DESCRIBE, name);
        return call(Operation.DESCRIBE, name, () -> spi.describe(name));
    }

    /**
     * One page of managed secrets (secrets scheduled for deletion are left out). A page may hold fewer
     * items than asked (unmanaged ones are filtered out); continue while {@link Page#nextPageToken()} is
     * present. An entry the provider could not read is kept, marked with
     * {@link SecretMetadata#integrityProblem()}: its tags are unknown, and hiding it would hide the damage.
     *
     * @param options prefix, page size and token
     * @return one page of managed secrets
     */
    public Page<SecretMetadata> list(ListOptions options) {
        Operation op = Operation.LIST;
        Objects.requireNonNull(options, "options");
        if (options.prefix().isPresent()) {
            requireCapability(op, null, Capability.LIST_BY_PREFIX);
        }
        Page<SecretMetadata> page = call(op, null, () -> spi.list(options));
        String prefix = options.prefix().orElse("");
        List<SecretMetadata> managed = page.items().stream()
                .filter(m -> m.isManaged(tagKey) || m.integrityProblem().isPresent())
                .filter(m -> m.deletionDate().isEmpty())
                .filter(m -> m.name().value().startsWith(prefix))
                .collect(Collectors.toList());
        return Page.of(managed, page.nextPageToken().orElse(null));
    }

    /**
     * Every managed secret, fetching pages lazily as the stream is consumed.
     *
     * @param prefix name prefix, {@code null} or empty for all
     * @return a lazy stream
     */
    public Stream<SecretMetadata> listAll(String prefix) {
        ListOptions first = ListOptions.builder().prefix(prefix).build();
        Iterator<SecretMetadata> it = new Iterator<>() {
            private ListOptions next = first;
            private Iterator<SecretMetadata> current = List.<SecretMetadata>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next != null) {
                    Page<SecretMetadata> page = list(next);
                    current = page.items().iterator();
                    next = page.nextPageToken().map(t -> first.toBuilder().pageToken(t).build()).orElse(null);
                }
                return current.hasNext();
            }

            @Override
            public SecretMetadata next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    // ---- delete -------------------------------------------------------------------------------

    /**
     * Deletes a managed secret, softly with the store's default window where it has one.
     *
     * @param name name
     * @throws SecretNotFoundException if absent
     * @throws NotManagedException     if it lacks the managed tag (nothing is changed)
     */
    public void delete(SecretName name) {
        delete(name, DeleteOptions.defaults());
    }

    /**
     * @param name    name
     * A forced delete also removes a secret whose stored data fails its integrity check (its tags cannot
     * be read, so the managed check cannot be made): the way to drop a damaged entry.
     *
     * @param options {@link DeleteOptions#force()}, {@link DeleteOptions#recoveryWindow} or defaults
     * @throws SecretNotFoundException if absent
     * @throws NotManagedException     if it lacks the managed tag (nothing is changed)
     * @throws SecretIntegrityException if the secret is damaged and the delete is not forced
     */
    public void delete(SecretName name, DeleteOptions options) {
        Operation op = Operation.DELETE;
        checkName(op, name);
        Objects.requireNonNull(options, "options");
        if (options.recoveryWindow().isPresent()) {
            requireCapability(op, name, Capability.SOFT_DELETE);
        }
        SecretMetadata current;
        try {
            current = call(op, name, () -> spi.describe(name)).orElseThrow(() ->
                    new SecretNotFoundException(info.name(), op, name, "no such secret", null, null));
        } catch (SecretIntegrityException damaged) {
            if (!options.isForce()) {
                throw damaged;
            }
            current = null;
        }
        if (current != null) {
            requireManaged(op, current);
        }
        call(op, name, () -> {
            spi.delete(name, options);
            return null;
        });
    }

    /**
     * Restores a soft-deleted managed secret.
     *
     * @param name name
     * @return metadata of the restored secret
     * @throws UnsupportedCapabilityException without {@link Capability#RESTORE}
     */
    public SecretMetadata restore(SecretName name) {
        Operation op = Operation.RESTORE;
        checkName(op, name);
        requireCapability(op, name, Capability.RESTORE);
        return call(op, name, () -> spi.restore(name));
    }

    /**
     * A facet of this store beyond the common API, e.g. the read-through cache's handle:
     * {@code store.feature(SecretCache.class).ifPresent(c -> c.invalidate(name))}.
     *
     * @param type the facet's type
     * @param <T>  the facet's type
     * @return the facet, or empty when the store has none of that type
     */
    public <T> Optional<T> feature(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (SecretStoreSpi.class.isAssignableFrom(type)) {
            return Optional.empty(); // the provider's store is never handed out: it would bypass the engine
        }
        return spi.feature(type).filter(type::isInstance).filter(f -> !(f instanceof SecretStoreSpi));
    }

    // ---- verify -------------------------------------------------------------------------------

    /**
     * Runs the documented verification and deletes the test secret.
     *
     * @return the report; never throws for a failing store
     */
    public VerificationReport verify() {
        return verify(VerifyOptions.defaults());
    }

    /**
     * Creates a test secret {@code secretstore-verify-<random>}, reads it back, confirms its managed
     * tag and deletes it (force) unless {@link VerifyOptions#keep()}. A denied delete is a WARNING.
     *
     * @param options options
     * @return the report, one step per line
     */
    public VerificationReport verify(VerifyOptions options) {
        return new Verifier(this, provider, spi).run(Objects.requireNonNull(options, "options"));
    }

    /** Releases the provider's clients. */
    @Override
    public void close() {
        call(null, null, () -> {
            spi.close();
            return null;
        });
    }

    @Override
    public String toString() {
        return "SecretStore[" + info.name() + ", tagKey=" + tagKey + "]";
    }

    // ---- rules --------------------------------------------------------------------------------

    private void checkName(Operation op, SecretName name) {
        checkLength(op, name);
        // The provider's own naming rules (e.g. a native name length after encoding), still before any I/O.
        call(op, name, () -> {
            spi.checkName(name);
            return null;
        });
    }

    private void checkLength(Operation op, SecretName name) {
        Objects.requireNonNull(name, "name");
        if (name.value().length() > limits.maxNameLength()) {
            throw new InvalidSecretNameException(info.name(), op, name, "name is " + name.value().length()
                    + " characters; this store allows at most " + limits.maxNameLength(), null, null);
        }
    }

    private void checkWrite(Operation op, SecretName name, SecretValue value, Map<String, String> userTags) {
        checkName(op, name);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(userTags, "userTags");
        if (value.isDestroyed()) {
            throw new InvalidRequestException(info.name(), op, name, "the value has been destroyed", null, null);
        }
        if (value.size() > limits.maxValueBytes()) {
            throw new SecretTooLargeException(info.name(), op, name, value.size(), limits.maxValueBytes());
        }
        if (!value.isText()) {
            requireCapability(op, name, Capability.BINARY);
        }
        checkTags(op, name, userTags);
    }

    private void checkTags(Operation op, SecretName name, Map<String, String> userTags) {
        if (!userTags.isEmpty()) {
            requireCapability(op, name, Capability.TAGS);
        }
        for (Map.Entry<String, String> tag : userTags.entrySet()) {
            String key = tag.getKey();
            if (key == null || key.isBlank()) {
                throw new InvalidRequestException(info.name(), op, name, "a tag key must not be empty", null, null);
            }
            if (key.trim().toLowerCase(Locale.ROOT).equals(tagKey.toLowerCase(Locale.ROOT))) {
                throw new InvalidRequestException(info.name(), op, name, "user tags may not contain the managed tag key '"
                        + tagKey + "' (in any case): the engine alone sets it", "remove that tag from the user tags", null);
            }
            if (tag.getValue() == null) {
                throw new InvalidRequestException(info.name(), op, name, "tag '" + key + "' has no value", null, null);
            }
            if (key.length() > limits.maxTagKeyLength()) {
                throw new InvalidRequestException(info.name(), op, name, "tag key '" + key + "' is longer than "
                        + limits.maxTagKeyLength() + " characters", null, null);
            }
            if (tag.getValue().length() > limits.maxTagValueLength()) {
                throw new InvalidRequestException(info.name(), op, name, "the value of tag '" + key
                        + "' is longer than " + limits.maxTagValueLength() + " characters", null, null);
            }
            checkTagCharacters(op, name, key, tag.getValue());
        }
        checkTagCount(op, name, Map.of(), userTags);
    }

    /** A store that cannot hold some characters says so in its limits; the tag is refused rather than rewritten. */
    private void checkTagCharacters(Operation op, SecretName name, String key, String value) {
        String hint = "use only " + limits.tagCharacters() + " in tag keys and values on this store";
        if (limits.tagKeyPattern().map(p -> !p.matcher(key).matches()).orElse(false)) {
            throw new InvalidRequestException(info.name(), op, name, "tag key '" + key + "' has characters this store"
                    + " cannot hold; allowed: " + limits.tagCharacters(), hint, null);
        }
        if (limits.tagValuePattern().map(p -> !p.matcher(value).matches()).orElse(false)) {
            throw new InvalidRequestException(info.name(), op, name, "the value of tag '" + key + "' has characters"
                    + " this store cannot hold; allowed: " + limits.tagCharacters(), hint, null);
        }
    }

    private void checkTagCount(Operation op, SecretName name, Map<String, String> existing, Map<String, String> userTags) {
        Map<String, String> all = new LinkedHashMap<>(existing);
        all.putAll(userTags);
        all.put(tagKey, "true");
        if (all.size() > limits.maxTags()) {
            throw new InvalidRequestException(info.name(), op, name, "the secret would carry " + all.size()
                    + " tags; this store allows at most " + limits.maxTags() + " (the managed tag included)", null, null);
        }
    }

    private Map<String, String> withManagedTag(Map<String, String> userTags) {
        Map<String, String> tags = new LinkedHashMap<>(userTags);
        tags.put(tagKey, "true");
        return java.util.Collections.unmodifiableMap(tags);
    }

    private void requireManaged(Operation op, SecretMetadata current) {
        if (!current.isManaged(tagKey)) {
            throw new NotManagedException(info.name(), op, current.name(), "the secret exists but does not carry "
                    + tagKey + "=true, so it was not created by secretstore; nothing was changed",
                    "use another name, or tag the secret " + tagKey + "=true outside secretstore if it is meant to be managed",
                    null);
        }
    }

    private void requireCapability(Operation op, SecretName name, Capability capability) {
        if (!info.supports(capability)) {
            throw new UnsupportedCapabilityException(info.name(), op, name, capability);
        }
    }

    private <T> T call(Operation op, SecretName name, Supplier<T> action) {
        return call(op, name, null, action);
    }

    /** Runs a provider call; {@code value} is the value being written, if any, kept out of the cause. */
    private <T> T call(Operation op, SecretName name, SecretValue value, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw providerFailure(op, name, value, e);
        }
    }

    /** What a provider call's failure becomes: ours in the user's context, a foreign one wrapped and redacted. */
    private SecretStoreException providerFailure(Operation op, SecretName name, SecretValue value, RuntimeException e) {
        if (e instanceof SecretStoreException ours) {
            return ours.withContext(info.name(), op, name);
        }
        // The foreign exception's message may quote request data, so only its class is named; the attached
        // cause is masked where its chain quotes the value or a credential of the config (a logged stack trace
        // prints it).
        List<String> secrets = new ArrayList<>(credentials);
        if (value != null && !value.isDestroyed()) {
            secrets.add(value.text());
        }
        return new SecretStoreException(info.name(), op, name,
                "unexpected " + e.getClass().getName() + " from the provider", null,
                CauseRedaction.redact(e, secrets));
    }

}
