package dev.secretstore.azure.internal;

import com.azure.core.http.rest.PagedResponse;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.models.DeletedSecret;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import dev.secretstore.DeleteOptions;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.ListOptions;
import dev.secretstore.NotManagedException;
import dev.secretstore.Operation;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.VerificationStep;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.support.concurrent.BoundedParallel;
import dev.secretstore.support.concurrent.RequestRate;
import dev.secretstore.support.names.NameCodec;
import dev.secretstore.support.names.NameCodecs;
import dev.secretstore.support.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One opened Key Vault: one {@link SecretClient}, reused for every call and released with the store. Every SDK
 * call runs inside the retry policy and is mapped to the typed exceptions inside it, so the policy sees
 * throttling and unavailability only.
 *
 * <p>Key Vault keeps tags per version, so a new version carries the current version's tags forward, and tags are
 * read from (and written to) the latest version.
 */
public final class KeyVaultStore implements SecretStoreSpi {
    /** Text values carry this content type; foreign secrets without one are read as text too. */
    static final String TEXT_CONTENT_TYPE = "text/plain; charset=utf-8";
    /** Key Vault: at most 25 KB per value, 15 tags, 512-character tag names, 256-character tag values. */
    static final NameCodec NAMES = NameCodecs.azure();
    static final StoreLimits LIMITS = StoreLimits.builder()
            .maxValueBytes(25_600)
            .maxNameLength(NAMES.maxPortableLength())
            .maxTags(15)
            .maxTagKeyLength(512)
            .maxTagValueLength(256)
            .build();

    private final AzureConfig.Settings settings;
    private final SecretClient client;
    private final KeyVaultErrors errors;
    private final DeletionWaiter waiter;
    private final RetryPolicy retry;
    private final BoundedParallel reads;
    private final RequestRate readRate;

    KeyVaultStore(AzureConfig.Settings settings, SecretClient client) {
        this.settings = settings;
        this.client = client;
        this.errors = new KeyVaultErrors(settings);
        this.waiter = new DeletionWaiter(Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(60));
        this.retry = RetryPolicy.create(KeyVaultErrors.PROVIDER, settings.retry());
        this.reads = new BoundedParallel("secretstore-azure-read", settings.readConcurrency());
        this.readRate = RequestRate.perSecond("secretstore-azure-read", settings.readRate());
    }

    /** Opens a store: builds the client only; the first request is made by the first operation. */
    public static KeyVaultStore open(AzureConfig.Settings settings) {
        return new KeyVaultStore(settings, KeyVaultClients.secretClient(settings));
    }

    @Override
    public StoreLimits limits() {
        return LIMITS;
    }

    @Override
    public String managedTagKey() {
        return settings.tagKey();
    }

    /** Key Vault names are an encoding whose length depends on the characters: refuse what does not fit. */
    @Override
    public void checkName(SecretName name) {
        NAMES.encode(name);
    }

    @Override
    public Duration permissionPropagationWait() {
        return settings.propagationWait();
    }

    // ---- writes ---------------------------------------------------------------------------------

    /**
     * SetSecret creates or adds a version, so the name is checked first. Between that check and the write another
     * writer may create the same name; the write then adds a version to that secret (see the README).
     */
    @Override
    public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
        String nativeName = NAMES.encode(name);
        if (latest(Operation.CREATE, name, nativeName).isPresent()) {
            throw new SecretAlreadyExistsException(KeyVaultErrors.PROVIDER, null, name,
                    "the vault holds a secret named " + nativeName + " (Key Vault names are case-insensitive)", null, null);
        }
        try {
            return set(Operation.CREATE, name, nativeName, value, tags);
        } catch (SecretAlreadyExistsException conflict) {
            return createOverSoftDeleted(name, nativeName, value, tags);
        }
    }

    @Override
    public SecretMetadata addVersion(SecretName name, SecretValue value) {
        String nativeName = NAMES.encode(name);
        SecretProperties current = latest(Operation.PUT, name, nativeName).orElseThrow(() -> notFound(name));
        return set(Operation.PUT, name, nativeName, value, tagsOf(current));
    }

    @Override
    public void updateTags(SecretName name, Map<String, String> tags) {
        String nativeName = NAMES.encode(name);
        SecretProperties current = latest(Operation.PUT, name, nativeName).orElseThrow(() -> notFound(name));
        Map<String, String> merged = new HashMap<>(tagsOf(current));
        merged.putAll(tags);
        current.setTags(merged);
        call(Operation.PUT, name, () -> client.updateSecretProperties(current));
    }

    private SecretMetadata set(Operation op, SecretName name, String nativeName, SecretValue value, Map<String, String> tags) {
        KeyVaultSecret secret = new KeyVaultSecret(nativeName, value.text());
        secret.setProperties(new SecretProperties().setContentType(TEXT_CONTENT_TYPE).setTags(new HashMap<>(tags)));
        KeyVaultSecret written = call(op, name, () -> client.setSecret(secret));
        return metadata(name, written.getProperties());
    }

    /** The name is held by a soft-deleted secret: the config decides; someone else's secret is never touched. */
    private SecretMetadata createOverSoftDeleted(SecretName name, String nativeName, SecretValue value,
                                                 Map<String, String> tags) {
        Optional<DeletedSecret> deleted = deleted(Operation.CREATE, name, nativeName);
        if (deleted.isEmpty()) {
            // 409 without a soft-deleted secret: being deleted or recovered right now; the caller may retry.
            throw new StoreUnavailableException(KeyVaultErrors.PROVIDER, null, name,
                    "the name is being deleted or recovered in the vault", "retry in a few seconds", null);
        }
        boolean managed = isManaged(deleted.get().getProperties());
        String remedy = "recover it (secretstore restore " + name.value() + ", or az keyvault secret recover "
                + "--vault-name " + settings.vaultName() + " --name " + nativeName + "), purge it (az keyvault secret "
                + "purge --vault-name " + settings.vaultName() + " --name " + nativeName + "), or set "
                + AzureConfig.ON_SOFT_DELETED_NAME + " to RECOVER or PURGE";
        if (!managed) {
            throw new SecretAlreadyExistsException(KeyVaultErrors.PROVIDER, null, name, "the name is held by a "
                    + "soft-deleted secret that secretstore does not manage", "it is left alone: " + remedy, null);
        }
        switch (settings.onSoftDeletedName()) {
            case RECOVER:
                recover(Operation.CREATE, name, nativeName);
                Map<String, String> merged = new HashMap<>(tagsOf(latest(Operation.CREATE, name, nativeName)
                        .orElseThrow(() -> notFound(name))));
                merged.putAll(tags);
                return set(Operation.CREATE, name, nativeName, value, merged);
            case PURGE:
                purge(Operation.CREATE, name, nativeName);
                return set(Operation.CREATE, name, nativeName, value, tags);
            default:
                throw new SecretAlreadyExistsException(KeyVaultErrors.PROVIDER, null, name, "the name is held by a "
                        + "soft-deleted secret (the vault keeps deleted secrets for its retention period)", remedy, null);
        }
    }

    // ---- reads ----------------------------------------------------------------------------------

    /**
     * The latest version's metadata. A soft-deleted secret is described with its deletion date only when
     * soft-deleted names are not recovered or purged on create (so that {@code put} then reaches the config's
     * choice), which also lets {@code delete --force} purge it.
     */
    @Override
    public Optional<SecretMetadata> describe(SecretName name) {
        String nativeName = NAMES.encode(name);
        Optional<SecretProperties> latest = latest(Operation.DESCRIBE, name, nativeName);
        if (latest.isPresent()) {
            return Optional.of(metadata(name, latest.get()));
        }
        if (settings.onSoftDeletedName() != AzureConfig.SoftDeletedName.FAIL) {
            return Optional.empty();
        }
        return deleted(Operation.DESCRIBE, name, nativeName).map(d -> metadata(name, d.getProperties()).toBuilder()
                .deletionDate(d.getDeletedOn() == null ? Instant.now() : d.getDeletedOn().toInstant()).build());
    }

    /**
     * No: describe is a GetSecret, the same request as a read (Key Vault has no metadata-only get of the current
     * version), so describing first would cost two requests whenever the secret changed. A cache over this store
     * re-reads a value past its ttl instead.
     */
    @Override
    public boolean describeIsCheaperThanRead() {
        return false;
    }

    @Override
    public Secret read(SecretName name, Optional<String> version) {
        String nativeName = NAMES.encode(name);
        return toSecret(name, call(Operation.READ, name, () -> client.getSecret(nativeName, version.orElse(null))));
    }

    /** One of readAll's reads: a permit of the read rate per attempt, taken on the in-flight slot just before it. */
    private Secret readPaced(SecretName name) {
        String nativeName = NAMES.encode(name);
        return toSecret(name, call(Operation.READ, name, () -> {
            readRate.acquire();
            return client.getSecret(nativeName, null);
        }));
    }

    private static Secret toSecret(SecretName name, KeyVaultSecret secret) {
        SecretProperties p = secret.getProperties();
        return new Secret(name, p.getVersion(), SecretValue.ofText(secret.getValue()),
                p.getCreatedOn() == null ? null : p.getCreatedOn().toInstant());
    }

    /** Key Vault has no batch read: bounded parallel single reads, one result per name. */
    @Override
    public Map<SecretName, ReadResult> readAll(List<SecretName> names) {
        if (names.size() <= 1) {
            return SecretStoreSpi.super.readAll(names);
        }
        List<SecretName> distinct = List.copyOf(new LinkedHashSet<>(names));
        List<ReadResult> read = reads.map(distinct, name -> {
            try {
                return ReadResult.of(readPaced(name));
            } catch (SecretStoreException e) {
                return ReadResult.failed(name, e);
            }
        });
        Map<SecretName, ReadResult> results = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            results.put(distinct.get(i), read.get(i));
        }
        return results;
    }

    /**
     * Pages of the vault's secrets ({@code maxresults} 25, the service's largest), filtered to decodable names and
     * the prefix; the engine keeps the managed ones. No value is fetched. The page token is the vault's
     * continuation token plus how many matching items of that vault page were already returned.
     */
    @Override
    public Page<SecretMetadata> list(ListOptions options) {
        ListToken token = ListToken.parse(options.pageToken().orElse(null));
        List<SecretMetadata> items = new ArrayList<>();
        String vaultToken = token.vaultToken();
        int skip = token.skip();
        while (true) {
            String current = vaultToken;
            PagedResponse<SecretProperties> page = call(Operation.LIST, null, () -> firstPage(current));
            List<SecretMetadata> matching = new ArrayList<>();
            for (SecretProperties p : page.getValue()) {
                Optional<SecretName> decoded = NAMES.decode(p.getName());
                if (decoded.isPresent() && options.prefix().map(decoded.get().value()::startsWith).orElse(true)) {
                    matching.add(metadata(decoded.get(), p));
                }
            }
            int room = options.pageSize() - items.size();
            int available = matching.size() - skip;
            if (available > room) {
                items.addAll(matching.subList(skip, skip + room));
                return Page.of(items, new ListToken(current, skip + room).toString());
            }
            if (available > 0) {
                items.addAll(matching.subList(skip, matching.size()));
            }
            skip = 0;
            vaultToken = page.getContinuationToken();
            if (vaultToken == null) {
                return Page.last(items);
            }
            if (items.size() == options.pageSize()) {
                return Page.of(items, new ListToken(vaultToken, 0).toString());
            }
        }
    }

    private PagedResponse<SecretProperties> firstPage(String continuationToken) {
        Iterator<PagedResponse<SecretProperties>> pages = (continuationToken == null
                ? client.listPropertiesOfSecrets().iterableByPage()
                : client.listPropertiesOfSecrets().iterableByPage(continuationToken)).iterator();
        return pages.next();
    }

    // ---- delete and restore ---------------------------------------------------------------------

    @Override
    public void delete(SecretName name, DeleteOptions options) {
        String nativeName = NAMES.encode(name);
        Optional<SecretProperties> latest = latest(Operation.DELETE, name, nativeName);
        if (options.recoveryWindow().isPresent()) {
            checkRecoveryWindow(name, options.recoveryWindow().get(), latest);
        }
        if (latest.isPresent()) {
            call(Operation.DELETE, name, () -> client.beginDeleteSecret(nativeName));
            waiter.await(name, "the deletion", () -> deleted(Operation.DELETE, name, nativeName).isPresent());
        } else if (!options.isForce() || deleted(Operation.DELETE, name, nativeName).isEmpty()) {
            throw notFound(name);
        }
        if (options.isForce()) {
            purge(Operation.DELETE, name, nativeName);
        }
    }

    /**
     * Key Vault has no per-call recovery window: the vault's retention applies. A window up to that retention is
     * kept (the secret stays recoverable at least that long, in fact for the whole retention); a longer one
     * cannot be honoured and is refused, saying so, before anything is deleted.
     */
    private void checkRecoveryWindow(SecretName name, Duration window, Optional<SecretProperties> latest) {
        Integer days = latest.map(SecretProperties::getRecoverableDays).orElse(null);
        if (days != null && window.compareTo(Duration.ofDays(days)) <= 0) {
            return;
        }
        throw new InvalidRequestException(KeyVaultErrors.PROVIDER, null, name, "Key Vault keeps a deleted secret for "
                + "the vault's retention period" + (days == null ? "" : " (" + days + " days)") + " and does not support "
                + "a recovery window per call; a longer window cannot be honoured", "delete without a recovery window "
                + "(the vault's retention applies), or use a vault created with a longer retention "
                + "(az keyvault create --retention-days; it cannot be changed once set)", null);
    }

    @Override
    public SecretMetadata restore(SecretName name) {
        String nativeName = NAMES.encode(name);
        DeletedSecret deleted = deleted(Operation.RESTORE, name, nativeName).orElseThrow(() -> new SecretNotFoundException(
                KeyVaultErrors.PROVIDER, null, name, "no soft-deleted secret of this name in the vault",
                "a purged secret cannot be restored", null));
        if (!isManaged(deleted.getProperties())) {
            throw new NotManagedException(KeyVaultErrors.PROVIDER, null, name, "the soft-deleted secret does not carry "
                    + settings.tagKey() + "=true", "secretstore restores only the secrets it manages", null);
        }
        recover(Operation.RESTORE, name, nativeName);
        return describe(name).orElseThrow(() -> notFound(name));
    }

    private void recover(Operation op, SecretName name, String nativeName) {
        call(op, name, () -> client.beginRecoverDeletedSecret(nativeName));
        waiter.await(name, "the recovery", () -> latest(op, name, nativeName).isPresent());
    }

    private void purge(Operation op, SecretName name, String nativeName) {
        call(op, name, () -> {
            client.purgeDeletedSecret(nativeName);
            return null;
        });
        waiter.await(name, "the purge", () -> deleted(op, name, nativeName).isEmpty());
    }

    // ---- verify ---------------------------------------------------------------------------------

    /** Warns when the vault holds secrets this library does not manage: the role covers them too. */
    @Override
    public List<VerificationStep> extraVerificationSteps(SecretName testSecret) {
        long started = System.nanoTime();
        AtomicInteger unmanaged = new AtomicInteger();
        try {
            String token = null;
            do {
                String current = token;
                PagedResponse<SecretProperties> page = call(Operation.VERIFY, null, () -> firstPage(current));
                page.getValue().forEach(p -> {
                    if (!isManaged(p)) {
                        unmanaged.incrementAndGet();
                    }
                });
                token = page.getContinuationToken();
            } while (token != null);
        } catch (SecretStoreException e) {
            return List.of(VerificationStep.storeCheck("vault holds only managed secrets", VerificationStep.Status.WARNING,
                    Duration.ofNanos(System.nanoTime() - started), "could not list the vault: " + e.detail(),
                    e.remediation().orElse(null), null));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (unmanaged.get() == 0) {
            return List.of(VerificationStep.storeCheck("vault holds only managed secrets", VerificationStep.Status.PASSED,
                    took, "every secret in the vault carries " + settings.tagKey() + "=true", null, null));
        }
        return List.of(VerificationStep.storeCheck("vault holds only managed secrets", VerificationStep.Status.WARNING,
                took, "the vault holds " + unmanaged.get() + " secret" + (unmanaged.get() == 1 ? "" : "s") + " without "
                        + settings.tagKey() + "=true; this application can read and change them too (Key Vault roles "
                        + "cannot be limited by tag)", "give secretstore a vault of its own, with Key Vault Secrets "
                        + "Officer at that vault's scope (secretstore policy azure --vault-url ... --client-id ...)",
                null));
    }

    @Override
    public void close() {
        reads.close();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Optional<SecretProperties> latest(Operation op, SecretName name, String nativeName) {
        return optional(op, name, () -> client.getSecret(nativeName).getProperties());
    }

    private Optional<DeletedSecret> deleted(Operation op, SecretName name, String nativeName) {
        return optional(op, name, () -> client.getDeletedSecret(nativeName));
    }

    private <T> Optional<T> optional(Operation op, SecretName name, Supplier<T> call) {
        try {
            return Optional.of(call(op, name, call));
        } catch (SecretNotFoundException absent) {
            return Optional.empty();
        }
    }

    /**
     * One SDK call under the retry policy, mapped to the typed exceptions inside the attempt. The policy needs an
     * operation for its events; the exceptions leave with none, so that the engine names the user's operation
     * (an SPI create may serve a put, a describe a delete).
     */
    private <T> T call(Operation op, SecretName name, Supplier<T> call) {
        try {
            return retry.call(op, name, attempt -> {
                try {
                    return call.get();
                } catch (RuntimeException e) {
                    SecretStoreException mapped = errors.map(e, name);
                    if (mapped instanceof StoreUnavailableException) {
                        throw mapped;
                    }
                    throw new NotRetried(mapped);
                }
            });
        } catch (NotRetried final_) {
            throw final_.failure;
        }
    }

    /** Carries a failure the policy must not retry past it, untouched. */
    private static final class NotRetried extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SecretStoreException failure;

        NotRetried(SecretStoreException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private boolean isManaged(SecretProperties p) {
        return "true".equals(tagsOf(p).get(settings.tagKey()));
    }

    private static Map<String, String> tagsOf(SecretProperties p) {
        return p.getTags() == null ? Map.of() : p.getTags();
    }

    private SecretMetadata metadata(SecretName name, SecretProperties p) {
        SecretMetadata.Builder b = SecretMetadata.builder(name)
                .nativeId(settings.vaultUrl() + "secrets/" + p.getName())
                .tags(tagsOf(p));
        if (p.getVersion() != null) {
            b.version(p.getVersion());
        }
        // No createdAt: Key Vault dates versions, not secrets (the first version's date would take a listing of
        // every version); a read reports its version's creation date.
        if (p.getUpdatedOn() != null) {
            b.updatedAt(p.getUpdatedOn().toInstant());
        }
        return b.build();
    }

    private static SecretNotFoundException notFound(SecretName name) {
        return new SecretNotFoundException(KeyVaultErrors.PROVIDER, null, name, "no such secret in the vault", null, null);
    }

    @Override
    public String toString() {
        return "KeyVaultStore[" + settings.vaultUrl() + ", " + settings.authType() + "]";
    }
}
