package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/** TagResource: adds or overwrites tags; the request's tags are visible to conditions as aws:RequestTag/aws:TagKeys. */
final class TagResourceOperation implements Operation {

    @Override
    public ObjectNode handle(OperationContext ctx) {
        Map<String, String> tags = ctx.fields().tags("Tags");
        if (tags == null) {
            throw SecretsManagerErrors.validation("tags", "Member must not be null");
        }
        SecretRules.tags(tags);
        Secret secret = SecretTargeting.resolve(ctx, "secretsmanager:TagResource",
                keys -> ctx.authorizer().withRequestTags(keys, tags));
        if (secret.isScheduledForDeletion()) {
            throw SecretsManagerErrors.markedForDeletion();
        }
        Map<String, String> merged = new LinkedHashMap<>(secret.tags());
        merged.putAll(tags);
        SecretRules.tagCount(merged.size());
        secret.tags().putAll(tags);
        secret.touchChanged(ctx.now());
        return SecretJson.object();
    }
}
