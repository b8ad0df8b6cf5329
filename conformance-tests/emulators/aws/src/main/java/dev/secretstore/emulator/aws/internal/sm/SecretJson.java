package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.store.Secret;
import dev.secretstore.emulator.aws.internal.store.SecretVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Renders secrets the way the service's JSON responses do (timestamps as epoch seconds). */
final class SecretJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SecretJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static void putTime(ObjectNode node, String field, Instant instant) {
        if (instant != null) {
            // DecimalNode keeps the scale: "1732600000.123", never exponent notation.
            node.set(field, DecimalNode.valueOf(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3)));
        }
    }

    static ObjectNode arnAndName(Secret secret) {
        ObjectNode node = object();
        node.put("ARN", secret.arn());
        node.put("Name", secret.name());
        return node;
    }

    static ArrayNode tags(Map<String, String> tags) {
        ArrayNode array = NODES.arrayNode();
        tags.forEach((k, v) -> array.addObject().put("Key", k).put("Value", v));
        return array;
    }

    static ObjectNode versionsToStages(Secret secret) {
        ObjectNode map = object();
        for (Map.Entry<String, List<String>> e : secret.versionIdsToStages().entrySet()) {
            ArrayNode stages = map.putArray(e.getKey());
            e.getValue().forEach(stages::add);
        }
        return map;
    }

    /** DescribeSecret / ListSecrets entry. LastAccessedDate is kept to the day, as the service does. */
    static ObjectNode describe(Secret secret, String versionsField) {
        ObjectNode node = arnAndName(secret);
        if (secret.description() != null) {
            node.put("Description", secret.description());
        }
        if (secret.kmsKeyId() != null) {
            node.put("KmsKeyId", secret.kmsKeyId());
        }
        node.put("RotationEnabled", false);
        putTime(node, "LastChangedDate", secret.lastChanged());
        if (secret.lastAccessed() != null) {
            putTime(node, "LastAccessedDate", secret.lastAccessed().truncatedTo(ChronoUnit.DAYS));
        }
        putTime(node, "DeletedDate", secret.deletedDate());
        if (!secret.tags().isEmpty()) {
            node.set("Tags", tags(secret.tags()));
        }
        node.set(versionsField, versionsToStages(secret));
        putTime(node, "CreatedDate", secret.created());
        return node;
    }

    /** GetSecretValue response / BatchGetSecretValue entry. */
    static ObjectNode value(Secret secret, SecretVersion version) {
        ObjectNode node = arnAndName(secret);
        node.put("VersionId", version.versionId());
        if (version.secretString() != null) {
            node.put("SecretString", version.secretString());
        }
        if (version.secretBinary() != null) {
            node.put("SecretBinary", Base64.getEncoder().encodeToString(version.secretBinary()));
        }
        ArrayNode stages = node.putArray("VersionStages");
        version.stages().forEach(stages::add);
        putTime(node, "CreatedDate", version.created());
        return node;
    }
}
