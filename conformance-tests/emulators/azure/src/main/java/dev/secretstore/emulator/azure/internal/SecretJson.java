package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Renders secrets as the REST spec shapes them: SecretBundle, SecretItem, DeletedSecretBundle and
 * DeletedSecretItem, with epoch-second attributes and the vault's {@code recoveryLevel}.
 */
public final class SecretJson {
    private SecretJson() {
    }

    /** SecretBundle: id with version; the value only where the operation returns it. */
    public static ObjectNode bundle(String origin, SecretView secret, VaultOptions options, boolean withValue) {
        ObjectNode node = Json.object();
        if (withValue) {
            node.put("value", secret.value());
        }
        if (secret.contentType() != null) {
            node.put("contentType", secret.contentType());
        }
        node.put("id", origin + "/secrets/" + secret.name() + "/" + secret.version());
        node.set("attributes", attributes(secret, options));
        putTags(node, secret.tags());
        return node;
    }

    /** SecretItem of a list: id without version for the secrets list, with it for the versions list. */
    public static ObjectNode item(String origin, SecretView secret, VaultOptions options, boolean withVersion) {
        ObjectNode node = Json.object();
        node.put("id", origin + "/secrets/" + secret.name() + (withVersion ? "/" + secret.version() : ""));
        node.set("attributes", attributes(secret, options));
        putTags(node, secret.tags());
        if (secret.contentType() != null) {
            node.put("contentType", secret.contentType());
        }
        return node;
    }

    public static ObjectNode deletedBundle(String origin, SecretView secret, VaultOptions options) {
        ObjectNode node = Json.object();
        node.put("recoveryId", origin + "/deletedsecrets/" + secret.name());
        node.put("deletedDate", secret.deletedDate());
        node.put("scheduledPurgeDate", secret.scheduledPurgeDate());
        node.setAll(bundle(origin, secret, options, false));
        return node;
    }

    public static ObjectNode deletedItem(String origin, SecretView secret, VaultOptions options) {
        ObjectNode node = Json.object();
        node.put("recoveryId", origin + "/deletedsecrets/" + secret.name());
        node.put("deletedDate", secret.deletedDate());
        node.put("scheduledPurgeDate", secret.scheduledPurgeDate());
        node.setAll(item(origin, secret, options, false));
        return node;
    }

    private static ObjectNode attributes(SecretView secret, VaultOptions options) {
        ObjectNode attributes = Json.object().put("enabled", secret.enabled());
        if (secret.notBefore() != null) {
            attributes.put("nbf", secret.notBefore());
        }
        if (secret.expires() != null) {
            attributes.put("exp", secret.expires());
        }
        attributes.put("created", secret.created());
        attributes.put("updated", secret.updated());
        attributes.put("recoveryLevel", options.recoveryLevel());
        attributes.put("recoverableDays", options.retentionDays());
        return attributes;
    }

    private static void putTags(ObjectNode node, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            ObjectNode tagNode = node.putObject("tags");
            tags.forEach(tagNode::put);
        }
    }
}
