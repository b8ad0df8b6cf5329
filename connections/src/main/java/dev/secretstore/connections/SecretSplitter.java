package dev.secretstore.connections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.connections.internal.References;
import dev.secretstore.connections.internal.SecretFields;
import dev.secretstore.connections.internal.SecretMasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits a connector config into a sanitised config and the secrets to write, following the spec's
 * {@code "airbyte_secret": true} fields. Pure: no I/O, so it can be tested and reasoned about alone;
 * {@link ConnectionSecrets} writes what it returns.
 *
 * <p>At each secret field:
 * <ul>
 *   <li>a reference ({@code {"_secret": ...}}) is kept as it is;</li>
 *   <li>{@code secret_coordinate::<name>} becomes an external reference, never written or deleted;</li>
 *   <li>the mask {@code **********} (what an API returned for the secret) stands for "unchanged": the
 *       previous config's reference at the same path is kept; without one it is an error;</li>
 *   <li>an empty string stays as it is: there is nothing to protect, and some stores refuse empty values;</li>
 *   <li>any other value becomes a new managed coordinate, the previous coordinate's next version when the
 *       previous config had a managed secret at that path (on update), else a new UUID at version 1.</li>
 * </ul>
 *
 * <pre>{@code
 * SplitConfig split = SecretSplitter.split(spec, config, SecretScope.workspace(workspaceId));
 * split.secrets().forEach(s -> store.create(s.coordinate().name(), s.value()));
 * persist(split.sanitised());
 * }</pre>
 */
public final class SecretSplitter {

    private SecretSplitter() {
    }

    /**
     * @param spec   the connector spec (JSON Schema, or a document with {@code connectionSpecification})
     * @param config the full config, as the user gave it
     * @param scope  the owner of new secrets
     * @return the sanitised config and the secrets to write (to the default store)
     */
    public static SplitConfig split(JsonNode spec, JsonNode config, SecretScope scope) {
        return split(spec, config, scope, null, null);
    }

    /**
     * @param spec      the connector spec
     * @param config    the new full config; it may hold references and masks where secrets are unchanged
     * @param scope     the owner of new secrets
     * @param storageId the store new secrets go to, recorded in their references; {@code null} for the default
     * @param previous  the previous sanitised config on update, or {@code null}
     * @return the sanitised config and the secrets to write
     * @throws ConnectionConfigException when a mask stands where the previous config held no secret
     */
    public static SplitConfig split(JsonNode spec, JsonNode config, SecretScope scope, String storageId, JsonNode previous) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(scope, "scope");
        Map<JsonPath, SecretReference> before = previous == null ? Map.of() : References.find(previous);
        JsonNode sanitised = config.deepCopy();
        List<PendingSecret> pending = new ArrayList<>();
        List<JsonPath> unmatchedMasks = new ArrayList<>();
        for (JsonPath path : SecretFields.find(spec, config)) {
            JsonNode value = path.find(config);
            if (SecretReference.fromJson(value).isPresent()) {
                continue;
            }
            SecretReference prior = before.get(path);
            if (value.isTextual() && value.textValue().equals(SecretMasks.MASK)) {
                JsonNode previousValue = previous == null ? null : path.find(previous);
                if (prior != null) {
                    sanitised = path.replace(sanitised, prior.toJson());
                } else if (previousValue != null && previousValue.isTextual() && previousValue.textValue().isEmpty()) {
                    sanitised = path.replace(sanitised, previousValue.deepCopy()); // an empty secret, masked: still empty
                } else {
                    unmatchedMasks.add(path);
                }
                continue;
            }
            if (value.isTextual() && value.textValue().isEmpty()) {
                continue; // nothing to protect, and some stores refuse empty values: kept in place
            }
            if (value.isTextual() && value.textValue().startsWith(SecretReference.EXTERNAL_PREFIX)) {
                String name = value.textValue().substring(SecretReference.EXTERNAL_PREFIX.length());
                if (name.isEmpty()) {
                    throw new ConnectionConfigException("'" + SecretReference.EXTERNAL_PREFIX + "' at " + path
                            + " names no secret", List.of(path));
                }
                sanitised = path.replace(sanitised, SecretReference.external(name, storageId).toJson());
                continue;
            }
            SecretReference managedPrior = prior != null && prior.isManaged() ? prior : null;
            // (a value that was empty before and is set now has no prior: it starts at version 1)
            SecretCoordinate coordinate = managedPrior != null ? managedPrior.managedCoordinate().orElseThrow().next()
                    : SecretCoordinate.create(scope);
            boolean json = !value.isTextual();
            SecretReference reference = SecretReference.managed(coordinate, storageId, json);
            pending.add(new PendingSecret(path, reference, json ? value.toString() : value.textValue(), managedPrior));
            sanitised = path.replace(sanitised, reference.toJson());
        }
        if (!unmatchedMasks.isEmpty()) {
            throw new ConnectionConfigException("the masked value " + SecretMasks.MASK + " stands for an unchanged secret,"
                    + " but the previous config holds no secret at " + unmatchedMasks
                    + "; send the value itself", unmatchedMasks);
        }
        return new SplitConfig(sanitised, pending);
    }

}
