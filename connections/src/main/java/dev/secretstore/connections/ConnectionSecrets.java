package dev.secretstore.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.secretstore.Capability;
import dev.secretstore.CreateOptions;
import dev.secretstore.DeleteOptions;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.NotManagedException;
import dev.secretstore.ReadResult;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStoreException;
import dev.secretstore.connections.internal.References;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The connector-config lifecycle over one or more stores: write a new config's secrets, hydrate configs
 * back, update in two phases, delete, write short-lived secrets, mask. Stores are named by id (a reference's
 * {@code _secret_storage_id}); references without one use the default store.
 *
 * <pre>{@code
 * ConnectionSecrets secrets = ConnectionSecrets.of(store);
 * JsonNode saved = secrets.create(spec, config, SecretScope.workspace(workspaceId));  // secrets written
 * db.save(saved);                                                                    // references only
 * JsonNode full = secrets.hydrate(db.load());                                         // one batch per store
 * PreparedUpdate update = secrets.prepareUpdate(spec, db.load(), edited, scope);     // new versions written
 * db.save(update.config());                                                          // then, and only then:
 * secrets.commit(update);                                                            // old versions deleted
 * }</pre>
 *
 * Thread-safe: it holds no state besides its stores, which are.
 */
public final class ConnectionSecrets {

    /**
     * Tag on short-lived secrets: when they expire, in seconds since the epoch (a form every store's tag or
     * label rules accept). {@link OrphanSweeper} deletes them once that time has passed.
     */
    public static final String EXPIRES_AT_TAG = "secretstore-expires-at";

    /** A next-version coordinate may already exist, left by an update that died; later versions are tried. */
    private static final int MAX_VERSION_PROBES = 16;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SecretStore defaultStore;
    private final Map<String, SecretStore> stores;
    private final Clock clock;
    private final DeleteOptions deleteOptions;

    private ConnectionSecrets(Builder b) {
        this.defaultStore = b.defaultStore;
        this.stores = Map.copyOf(b.stores);
        this.clock = b.clock;
        this.deleteOptions = b.deleteOptions;
        if (defaultStore == null && stores.isEmpty()) {
            throw new IllegalStateException("at least one store is needed");
        }
    }

    /**
     * @param store the default store
     * @return connection secrets over that one store
     */
    public static ConnectionSecrets of(SecretStore store) {
        return builder().defaultStore(store).build();
    }

    /** @return a builder: stores by id, a default store, clock and delete options */
    public static Builder builder() {
        return new Builder();
    }

    // ---- create -----------------------------------------------------------------------------------

    /**
     * Splits a new config and writes its secrets to the default store.
     *
     * @param spec   the connector spec
     * @param config the full config
     * @param scope  the owner
     * @return the sanitised config to persist
     */
    public JsonNode create(JsonNode spec, JsonNode config, SecretScope scope) {
        return create(spec, config, scope, null);
    }

    /**
     * Splits a new config and writes its secrets. If a write fails, the secrets already written are
     * deleted (what a crash leaves, the sweeper removes) and the failure is thrown.
     *
     * @param spec      the connector spec
     * @param config    the full config
     * @param scope     the owner
     * @param storageId the store to write to, {@code null} for the default
     * @return the sanitised config to persist
     */
    public JsonNode create(JsonNode spec, JsonNode config, SecretScope scope, String storageId) {
        store(storageId);
        SplitConfig split = SecretSplitter.split(spec, config, scope, storageId, null);
        return write(split.sanitised(), split.secrets(), CreateOptions.defaults()).config();
    }

    /**
     * Writes secrets for a check or discover call: like {@link #create}, but each secret expires after
     * {@code ttl}. On a store with {@link Capability#EXPIRY} the expiry is part of the creation and the
     * store deletes the secret itself; where the store keeps tags, the secret also carries
     * {@link #EXPIRES_AT_TAG}, so the sweeper removes it once expired even within its grace period (and
     * even if the store's own expiry lags). On a store with neither, the sweeper's grace period alone
     * applies. Delete them with {@link #delete} as soon as the call is done.
     *
     * @param spec      the connector spec
     * @param config    the full config
     * @param scope     the owner
     * @param storageId the store to write to, {@code null} for the default
     * @param ttl       how long the secrets are needed
     * @return the sanitised config to hand to the call
     */
    public JsonNode createShortLived(JsonNode spec, JsonNode config, SecretScope scope, String storageId, Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a short-lived secret needs a positive time to live");
        }
        SecretStore store = store(storageId);
        Instant expiresAt = clock.instant().plus(ttl);
        CreateOptions.Builder options = CreateOptions.builder();
        if (store.supports(Capability.TAGS)) {
            options.tags(Map.of(EXPIRES_AT_TAG, Long.toString(expiresAt.getEpochSecond())));
        }
        if (store.supports(Capability.EXPIRY)) {
            options.expiresAt(expiresAt);
        }
        SplitConfig split = SecretSplitter.split(spec, config, scope, storageId, null);
        return write(split.sanitised(), split.secrets(), options.build()).config();
    }

    // ---- hydrate ----------------------------------------------------------------------------------

    /**
     * @param config a sanitised config
     * @return the full config: every reference replaced by its value, read with one {@code readAll} per store
     * @throws HydrationException listing every reference that could not be read (nothing is returned)
     */
    public JsonNode hydrate(JsonNode config) {
        return hydrate(List.of(config), false).get(0);
    }

    /**
     * Hydrates several configs together: their references are read in one {@code readAll} per store, so a
     * batching store needs ⌈secrets / batch size⌉ requests for all of them.
     *
     * @param configs sanitised configs
     * @return the full configs, in the same order
     * @throws HydrationException listing every reference of every config that could not be read
     */
    public List<JsonNode> hydrateAll(List<JsonNode> configs) {
        return hydrate(configs, true);
    }

    private List<JsonNode> hydrate(List<JsonNode> configs, boolean indexed) {
        List<Map<JsonPath, SecretReference>> references = new ArrayList<>();
        Set<SecretReference> wanted = new LinkedHashSet<>();
        for (JsonNode config : configs) {
            Map<JsonPath, SecretReference> found = References.find(Objects.requireNonNull(config, "config"));
            references.add(found);
            wanted.addAll(found.values());
        }
        Map<SecretReference, Outcome> outcomes = read(wanted);
        List<HydrationProblem> problems = new ArrayList<>();
        List<JsonNode> hydrated = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            JsonNode full = configs.get(i).deepCopy();
            for (Map.Entry<JsonPath, SecretReference> entry : references.get(i).entrySet()) {
                SecretReference ref = entry.getValue();
                Outcome outcome = outcomes.get(ref);
                Optional<JsonNode> value = outcome.failure == null ? decode(ref, outcome.value) : Optional.empty();
                if (value.isEmpty()) {
                    String reason = outcome.failure != null ? outcome.failure : "the stored value is not valid JSON";
                    problems.add(new HydrationProblem(indexed ? i : -1, entry.getKey(), ref.coordinate(),
                            ref.storageId().orElse(null), reason));
                } else {
                    full = entry.getKey().replace(full, value.get());
                }
            }
            hydrated.add(full);
        }
        if (!problems.isEmpty()) {
            throw new HydrationException(problems);
        }
        return List.copyOf(hydrated);
    }

    private static Optional<JsonNode> decode(SecretReference ref, String text) {
        if (!ref.isJson()) {
            return Optional.of(TextNode.valueOf(text));
        }
        try {
            return Optional.of(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A reference's value, or why it could not be read. */
    private record Outcome(String value, String failure) {
    }

    /** Reads references with one {@code readAll} per store; never throws for a missing or unreadable one. */
    private Map<SecretReference, Outcome> read(Collection<SecretReference> references) {
        Map<SecretReference, Outcome> outcomes = new HashMap<>();
        Map<String, Map<SecretName, List<SecretReference>>> byStore = new LinkedHashMap<>();
        for (SecretReference ref : references) {
            String storeKey = ref.storageId().orElse("");
            if (ref.storageId().isPresent() ? !stores.containsKey(storeKey) : defaultStore == null) {
                outcomes.put(ref, new Outcome(null, ref.storageId().isPresent()
                        ? "no store with id '" + storeKey + "' is configured" : "no default store is configured"));
            } else if (!SecretName.isValid(ref.coordinate())) {
                outcomes.put(ref, new Outcome(null, "not a valid secret name"));
            } else {
                byStore.computeIfAbsent(storeKey, k -> new LinkedHashMap<>())
                        .computeIfAbsent(SecretName.of(ref.coordinate()), k -> new ArrayList<>()).add(ref);
            }
        }
        for (Map.Entry<String, Map<SecretName, List<SecretReference>>> entry : byStore.entrySet()) {
            SecretStore store = store(entry.getKey().isEmpty() ? null : entry.getKey());
            Map<SecretName, List<SecretReference>> names = entry.getValue();
            Map<SecretName, ReadResult> results;
            try {
                results = store.readAll(names.keySet());
            } catch (InvalidRequestException badName) {
                // One name this store cannot hold (an external name, say) refuses the whole batch before any
                // I/O; reading the names one by one tells which, and reads the others.
                results = readOneByOne(store, names.keySet());
            } catch (SecretStoreException e) {
                names.values().forEach(refs -> refs.forEach(ref -> outcomes.put(ref, new Outcome(null, e.getMessage()))));
                continue;
            }
            for (Map.Entry<SecretName, List<SecretReference>> name : names.entrySet()) {
                ReadResult result = results.get(name.getKey());
                Outcome outcome;
                if (result != null && result.secret().isPresent()) {
                    var value = result.secret().get().value();
                    outcome = value.isText() ? new Outcome(value.text(), null) : new Outcome(null, "the stored value is not text");
                } else {
                    outcome = new Outcome(null, result == null ? "no result"
                            : result.failure().map(ConnectionSecrets::reason).orElse("no result"));
                }
                name.getValue().forEach(ref -> outcomes.put(ref, outcome));
            }
        }
        return outcomes;
    }

    private static Map<SecretName, ReadResult> readOneByOne(SecretStore store, Collection<SecretName> names) {
        Map<SecretName, ReadResult> results = new HashMap<>();
        for (SecretName name : names) {
            try {
                results.putAll(store.readAll(List.of(name)));
            } catch (SecretStoreException e) {
                results.put(name, ReadResult.failed(name, e));
            }
        }
        return results;
    }

    private static String reason(SecretStoreException failure) {
        return failure instanceof SecretNotFoundException ? "not found" : failure.getMessage();
    }

    // ---- update -----------------------------------------------------------------------------------

    /**
     * Update, phase one: writes each changed secret under its next version and returns the new sanitised
     * config; deletes nothing. A secret sent back as its reference or as the mask is unchanged without any
     * request; a secret sent in full is compared with the stored one (one batched read) and rewritten only
     * if it differs.
     *
     * @param spec     the connector spec
     * @param previous the persisted sanitised config
     * @param config   the new config (values, references or masks at secret fields)
     * @param scope    the owner of new secrets
     * @return the prepared update: persist its config, then {@link #commit} it
     */
    public PreparedUpdate prepareUpdate(JsonNode spec, JsonNode previous, JsonNode config, SecretScope scope) {
        return prepareUpdate(spec, previous, config, scope, null);
    }

    /**
     * @param spec      the connector spec
     * @param previous  the persisted sanitised config
     * @param config    the new config
     * @param scope     the owner of new secrets
     * @param storageId the store changed secrets are written to, {@code null} for the default
     * @return the prepared update
     * @see #prepareUpdate(JsonNode, JsonNode, JsonNode, SecretScope)
     */
    public PreparedUpdate prepareUpdate(JsonNode spec, JsonNode previous, JsonNode config, SecretScope scope,
                                        String storageId) {
        Objects.requireNonNull(previous, "previous");
        store(storageId);
        SplitConfig split = SecretSplitter.split(spec, config, scope, storageId, previous);
        JsonNode sanitised = split.sanitised();
        Map<SecretReference, Outcome> priors = read(split.secrets().stream()
                .flatMap(p -> p.previous().stream()).toList());
        List<PendingSecret> changed = new ArrayList<>();
        for (PendingSecret pending : split.secrets()) {
            Optional<SecretReference> prior = pending.previous();
            Outcome before = prior.map(priors::get).orElse(null);
            if (before != null && before.failure == null && prior.get().isJson() == pending.reference().isJson()
                    && sameValue(before.value, pending.text())) {
                sanitised = pending.path().replace(sanitised, prior.get().toJson());
            } else {
                changed.add(pending);
            }
        }
        Written written = write(sanitised, changed, CreateOptions.defaults());
        Set<StoredSecret> stillReferenced = managed(written.config());
        List<StoredSecret> superseded = managed(previous).stream().filter(s -> !stillReferenced.contains(s)).toList();
        return new PreparedUpdate(written.config(), written.secrets(), superseded);
    }

    /**
     * Update, phase two, after the new config is persisted: deletes the superseded versions. Idempotent:
     * run it again after a failure or a crash (or let the sweeper remove what is left).
     *
     * @param update the prepared update
     * @return the secrets deleted
     */
    public List<StoredSecret> commit(PreparedUpdate update) {
        return deleteAll(update.superseded());
    }

    /**
     * Abandons an update whose config was not persisted: deletes the secrets it wrote.
     *
     * @param update the prepared update
     * @return the secrets deleted
     */
    public List<StoredSecret> abort(PreparedUpdate update) {
        return deleteAll(update.written());
    }

    // ---- delete -----------------------------------------------------------------------------------

    /**
     * Deletes exactly the managed secrets a config references; external references are never touched.
     * Delete the config from your database first: a crash in between then leaves only orphans for the
     * sweeper, never a config pointing at nothing. Idempotent.
     *
     * @param config a sanitised config
     * @return the secrets deleted
     */
    public List<StoredSecret> delete(JsonNode config) {
        return deleteAll(List.copyOf(managed(config)));
    }

    /**
     * @param configs every persisted sanitised config (of every store)
     * @return the managed coordinates they reference: the live set for {@link OrphanSweeper}
     */
    public static Set<String> liveCoordinates(Iterable<JsonNode> configs) {
        Set<String> live = new LinkedHashSet<>();
        for (JsonNode config : configs) {
            References.find(config).values().stream().filter(SecretReference::isManaged)
                    .forEach(ref -> live.add(ref.coordinate()));
        }
        return live;
    }

    /**
     * @param spec   the connector spec
     * @param config any config
     * @return a copy with every secret and reference replaced by {@code **********}
     */
    public static JsonNode mask(JsonNode spec, JsonNode config) {
        return ConfigMasker.mask(spec, config);
    }

    /**
     * @param storageId a store id, {@code null} for the default store
     * @param grace     how old an unreferenced secret must be before it is deleted
     * @return a sweeper for that store
     */
    public OrphanSweeper sweeper(String storageId, Duration grace) {
        return OrphanSweeper.builder(store(storageId)).grace(grace).clock(clock).deleteOptions(deleteOptions).build();
    }

    // ---- internals --------------------------------------------------------------------------------

    private SecretStore store(String storageId) {
        SecretStore store = storageId == null ? defaultStore : stores.get(storageId);
        if (store == null) {
            throw new ConnectionConfigException(storageId == null ? "no default store is configured"
                    : "no store with id '" + storageId + "' is configured", List.of());
        }
        return store;
    }

    private static Set<StoredSecret> managed(JsonNode config) {
        Set<StoredSecret> managed = new LinkedHashSet<>();
        References.find(config).values().stream().filter(SecretReference::isManaged)
                .forEach(ref -> managed.add(StoredSecret.of(ref)));
        return managed;
    }

    private static boolean sameValue(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private record Written(JsonNode config, List<StoredSecret> secrets) {
    }

    /**
     * Creates each pending secret (never overwriting: a taken next version moves on to the one after) and
     * puts the actual references into the config. On failure, deletes what it wrote and rethrows.
     */
    private Written write(JsonNode sanitised, List<PendingSecret> pending, CreateOptions options) {
        List<StoredSecret> written = new ArrayList<>();
        JsonNode config = sanitised;
        try {
            for (PendingSecret secret : pending) {
                String storageId = secret.reference().storageId().orElse(null);
                SecretStore store = store(storageId);
                SecretCoordinate coordinate = secret.coordinate();
                for (int probe = 0; ; probe++) {
                    try {
                        store.create(coordinate.name(), secret.value(), options);
                        break;
                    } catch (SecretAlreadyExistsException taken) {
                        if (probe >= MAX_VERSION_PROBES || secret.previous().isEmpty()) {
                            throw taken;
                        }
                        coordinate = coordinate.next();
                    }
                }
                written.add(new StoredSecret(coordinate, storageId));
                config = secret.path().replace(config,
                        SecretReference.managed(coordinate, storageId, secret.reference().isJson()).toJson());
            }
        } catch (RuntimeException failure) {
            try {
                deleteAll(written);
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        return new Written(config, written);
    }

    /** Deletes each secret (already gone is fine); tries them all, then throws the first failure. */
    private List<StoredSecret> deleteAll(Collection<StoredSecret> secrets) {
        List<StoredSecret> deleted = new ArrayList<>();
        RuntimeException first = null;
        for (StoredSecret secret : secrets) {
            try {
                store(secret.storageId()).delete(secret.coordinate().name(), deleteOptions);
                deleted.add(secret);
            } catch (SecretNotFoundException gone) {
                // deleted before: by an earlier commit, or by the sweeper
            } catch (NotManagedException notOurs) {
                // never touched: a secret without the managed tag is not ours, whatever its name says
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return deleted;
    }

    /** Builder of {@link ConnectionSecrets}. */
    public static final class Builder {
        private SecretStore defaultStore;
        private final Map<String, SecretStore> stores = new HashMap<>();
        private Clock clock = Clock.systemUTC();
        private DeleteOptions deleteOptions = DeleteOptions.defaults();

        private Builder() {
        }

        /**
         * @param store the store for references without a store id
         * @return this
         */
        public Builder defaultStore(SecretStore store) {
            this.defaultStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param id    the store id references name in {@code _secret_storage_id}
         * @param store the store
         * @return this
         */
        public Builder store(String id, SecretStore store) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a store id must not be blank");
            }
            stores.put(id, Objects.requireNonNull(store, "store"));
            return this;
        }

        /**
         * @param clock the clock for expiry tags (tests)
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param options how superseded and deleted secrets are deleted (default: the store's soft delete)
         * @return this
         */
        public Builder deleteOptions(DeleteOptions options) {
            this.deleteOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** @return the connection secrets */
        public ConnectionSecrets build() {
            return new ConnectionSecrets(this);
        }
    }
}
