package dev.secretstore.spi;

import dev.secretstore.Capability;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.UnsupportedCapabilityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One opened store, as a provider implements it (the engine {@link dev.secretstore.SecretStore} wraps
 * it, as {@code KeyStore} wraps {@code KeyStoreSpi}). Implementations must be thread-safe.
 *
 * <p>The engine has already validated names, sizes and tags and checked ownership before calling
 * these methods, so they do the store's work only. Failures are reported as
 * {@link SecretStoreException} subtypes ({@code SecretNotFoundException}, {@code AccessDeniedException},
 * {@code StoreUnavailableException}…), never with a value or credential in the message. Leave the
 * exception's operation out ({@code null}): a method here cannot know which operation the user called
 * ({@code put} runs {@code describe}, then {@code create} or {@code addVersion}), and the engine sets the
 * user's operation on every exception it passes on, as it fills in the provider and the name.
 *
 * <pre>{@code
 * final class AcmeStore implements SecretStoreSpi {
 *     public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
 *         client.put(encode(name), value.bytes(), tags);   // tags already include <tagKey>=true
 *         return describe(name).orElseThrow();
 *     }
 *     ...
 * }
 * }</pre>
 *
 * New operations arrive as default methods that throw {@link UnsupportedCapabilityException}, so they
 * never break existing providers.
 */
public interface SecretStoreSpi extends AutoCloseable {

    /** @return the store's limits, checked by the engine before any I/O */
    StoreLimits limits();

    /** @return the managed tag key, e.g. "AirbyteManaged" (or "airbyte-managed" on GCP) */
    String managedTagKey();

    /**
     * Refuses a name this store cannot hold, before any I/O. The engine calls it for every operation that
     * takes a name (create, put, read, readAll, describe, find, delete, restore, tag updates), with the
     * name the user gave, after the portable rules and {@link StoreLimits#maxNameLength()} have passed.
     *
     * @implSpec The default accepts every name. A provider whose native names are an encoding of the
     *     portable one (whose length depends on the characters used) overrides it to try the encoding.
     * @param name the name
     * @throws dev.secretstore.InvalidSecretNameException if this store cannot hold the name; the message
     *     says why (e.g. the longest name that fits), never anything but the name
     */
    default void checkName(SecretName name) {
    }

    /**
     * Creates a secret that must not exist yet.
     *
     * @param name  name
     * @param value value
     * @param tags  tags to set, already including {@code <managedTagKey>=true}
     * @return metadata of the new secret
     * @throws dev.secretstore.SecretAlreadyExistsException if it exists (also when scheduled for deletion)
     */
    SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags);

    /**
     * Creates a secret that must not exist yet and that the store deletes by itself at {@code expiresAt}
     * ({@link Capability#EXPIRY}). The engine has checked that {@code expiresAt} is in the future and that the
     * provider declares {@link Capability#EXPIRY}. The expiry must be part of the creation itself (one request
     * where the store allows it), so that a failure never leaves a secret without its expiry behind.
     *
     * @implSpec The default throws {@link UnsupportedCapabilityException} for {@link Capability#EXPIRY}; a provider
     *     that declares the capability overrides it.
     * @param name      name
     * @param value     value
     * @param tags      tags to set, already including {@code <managedTagKey>=true}
     * @param expiresAt when the store deletes the secret
     * @return metadata of the new secret, with {@link SecretMetadata#expiresAt()}
     * @throws dev.secretstore.SecretAlreadyExistsException if it exists
     */
    default SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags,
            java.time.Instant expiresAt) {
        throw new UnsupportedCapabilityException(Capability.EXPIRY);
    }

    /**
     * Adds a new version to an existing secret (or overwrites it where the store has no versions).
     *
     * @param name  name of an existing secret
     * @param value the new value
     * @return metadata after the update
     */
    SecretMetadata addVersion(SecretName name, SecretValue value);

    /**
     * Sets these tags, keeping other existing tags.
     *
     * @param name name of an existing secret
     * @param tags tags to set or overwrite
     */
    void updateTags(SecretName name, Map<String, String> tags);

    /**
     * @param name name
     * @return metadata without the value; empty if absent (a secret scheduled for deletion may be
     *     returned with its {@code deletionDate})
     */
    Optional<SecretMetadata> describe(SecretName name);

    /**
     * @param name    name
     * @param version a version id, or empty for the latest
     * @return the secret
     * @throws dev.secretstore.SecretNotFoundException if absent
     */
    Secret read(SecretName name, Optional<String> version);

    /**
     * Checks a name ({@link #checkName}) and reads its latest version, in one call: the engine's
     * {@code read(name)} makes this call instead of the two, so that a store which can answer without I/O (a
     * read-through cache holding the name, which passed the check when it was loaded) looks the name up once.
     * The engine has applied the portable rules and {@link StoreLimits#maxNameLength()}; a name this store
     * cannot hold must still be refused before any I/O.
     *
     * @implSpec The default calls {@link #checkName(SecretName)}, then {@link #read(SecretName, Optional)} with no
     *     version. Override it only to make the same two steps cheaper, never to skip the check for a name that
     *     has not passed it.
     * @param name the name
     * @return the latest version
     * @throws dev.secretstore.InvalidSecretNameException if this store cannot hold the name (nothing is read)
     * @throws dev.secretstore.SecretNotFoundException if absent
     */
    default Secret checkNameAndRead(SecretName name) {
        checkName(name);
        return read(name, Optional.empty());
    }

    /**
     * Checks a name like {@link #checkNameAndRead} and lends its latest value for one short use: the engine's
     * {@code withValue(name, function)} makes this call, runs the function on the value's
     * {@link SecretValue#view() view}, and then destroys the value unless {@link #lendsHeldValues()} says the store
     * keeps it.
     *
     * @implSpec The default returns the value of {@link #checkNameAndRead}, a copy of the caller's. A store that holds
     *     values in memory (a read-through cache) may return the value it holds, without copying, and then returns
     *     {@code true} from {@link #lendsHeldValues()}; it may destroy that value at any time (eviction), which the
     *     view's reads detect. A decorator that forwards either this method or {@link #lendsHeldValues()} to the
     *     store it wraps forwards both: forwarding only this one would let the engine zero the wrapped store's held
     *     value; forwarding only the other would leave the engine's copies unzeroed.
     * @param name the name
     * @return the latest value
     * @throws dev.secretstore.InvalidSecretNameException if this store cannot hold the name (nothing is read)
     * @throws dev.secretstore.SecretNotFoundException if absent
     */
    default SecretValue checkNameAndLend(SecretName name) {
        return checkNameAndRead(name).value();
    }

    /**
     * Whether {@link #checkNameAndLend} returns values this store keeps (which the engine must not destroy) rather
     * than copies (which it destroys once used).
     *
     * @implSpec The default is {@code false}, matching the default {@link #checkNameAndLend}.
     * @return whether lent values are the store's own
     */
    default boolean lendsHeldValues() {
        return false;
    }

    /**
     * The ids of the secret's versions that can still be read with {@link #read}, oldest first (the last one is
     * the latest). Versions the store has discarded or disabled, and versions only kept for recovery, are left
     * out. The engine has checked the name and that the provider declares {@link Capability#LIST_VERSIONS}.
     *
     * @implSpec The default throws {@link UnsupportedCapabilityException} for {@link Capability#LIST_VERSIONS};
     *     a provider that declares the capability overrides it.
     * @param name name
     * @return version ids, oldest first; never empty for an existing secret
     * @throws dev.secretstore.SecretNotFoundException if absent
     */
    default List<String> listVersions(SecretName name) {
        throw new UnsupportedCapabilityException(Capability.LIST_VERSIONS);
    }

    /**
     * Reads several secrets; one result per name.
     *
     * @implSpec The default loops over {@link #read}, turning each {@link SecretStoreException} into a
     *     failed result. Providers with a native batch call override it and declare
     *     {@link Capability#BATCH_READ}.
     * @param names the names
     * @return a result per name, in the order given
     */
    default Map<SecretName, ReadResult> readAll(List<SecretName> names) {
        Map<SecretName, ReadResult> results = new LinkedHashMap<>();
        for (SecretName name : names) {
            try {
                results.put(name, ReadResult.of(read(name, Optional.empty())));
            } catch (SecretStoreException e) {
                results.put(name, ReadResult.failed(name, e));
            }
        }
        return results;
    }

    /**
     * Lists secrets; may include unmanaged ones (the engine filters).
     *
     * @param options prefix, page size and token
     * @return one page
     */
    Page<SecretMetadata> list(ListOptions options);

    /**
     * Deletes a secret. The engine has checked that it exists and is managed.
     *
     * @param name    name
     * @param options soft (default window or given) or force
     */
    void delete(SecretName name, DeleteOptions options);

    /**
     * Restores a soft-deleted secret.
     *
     * @implSpec The default throws {@link UnsupportedCapabilityException} for {@link Capability#RESTORE}.
     * @param name name
     * @return metadata of the restored secret
     */
    default SecretMetadata restore(SecretName name) {
        throw new UnsupportedCapabilityException(Capability.RESTORE);
    }

    /**
     * Store-specific checks that {@code verify} runs after its documented steps, while its test secret still
     * exists and before it is deleted: typically probes for a policy weaker than the provider recommends
     * (for example: may this identity create a secret without the managed tag, or remove the managed tag?).
     * A probe touches nobody else's secret: only the test secret, which it must leave as it found it
     * (managed tag included), and secrets the probe itself creates and deletes again. A probe that finds a
     * weakness reports a {@link dev.secretstore.VerificationStep.Status#WARNING} step; a clean result is
     * {@code PASSED}. Build steps with {@link dev.secretstore.VerificationStep#storeCheck}.
     *
     * @implSpec The default returns no steps.
     * @param testSecret the verification's test secret, present and managed
     * @return the checks' steps, in order; never {@code FAILED} ones
     */
    default List<dev.secretstore.VerificationStep> extraVerificationSteps(SecretName testSecret) {
        return List.of();
    }

    /**
     * How long {@code verify} keeps retrying the creation of its test secret while it is denied, because a new
     * permission (e.g. an Azure role assignment) takes time to propagate. Verification waits with bounded
     * backoff up to this long before it reports the denial. Operations other than {@code verify} never
     * retry a denial.
     *
     * @implSpec The default is {@link java.time.Duration#ZERO}: a denial is reported at once.
     * @return the longest wait; zero for none
     */
    default java.time.Duration permissionPropagationWait() {
        return java.time.Duration.ZERO;
    }

    /**
     * Whether {@link #describe} is a cheaper way than {@link #read} to learn a secret's current version. A cache over
     * this store asks it when a cached value's ttl is up: if it is, the cache describes the secret and reads it again
     * only when its version changed; if not, the cache reads it again at once, which is then the cheaper check.
     *
     * @implSpec The default is {@code true}: a describe sends no value and, on most stores, draws on a larger quota
     *     than a read (AWS: no KMS decryption). A store whose describe costs as many requests as a read, or more, or
     *     draws on a smaller quota, returns {@code false} (Azure Key Vault, whose describe is a GetSecret like a read;
     *     Google Secret Manager, whose describe is two metadata requests on a quota 150 times smaller than reads').
     * @return whether a cache should describe before it reads a secret again
     */
    default boolean describeIsCheaperThanRead() {
        return true;
    }

    /**
     * A user-facing facet of this store, reached through {@link dev.secretstore.SecretStore#feature(Class)}:
     * for example the cache's invalidation handle when a {@link SecretStoreDecorator} wrapped the store. It
     * must never be the store itself, which would let users around the engine's rules.
     *
     * @implSpec The default has none.
     * @param type the facet's type
     * @param <T>  the facet's type
     * @return the facet, or empty
     */
    default <T> Optional<T> feature(Class<T> type) {
        return Optional.empty();
    }

    /** Releases clients and files. The default does nothing. */
    @Override
    default void close() {
    }
}
