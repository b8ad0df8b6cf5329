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

    /** Releases clients and files. The default does nothing. */
    @Override
    default void close() {
    }
}
