package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import java.util.List;

/** UntagResource: removes tag keys (absent keys are ignored); aws:TagKeys carries the keys for conditions. */
final class UntagResourceOperation implements Operation {

    @Override
    public ObjectNode handle(OperationContext ctx) {
        List<String> tagKeys = ctx.fields().strings("TagKeys");
        if (tagKeys == null) {
            throw SecretsManagerErrors.validation("tagKeys", "Member must not be null");
        }
        Secret secret = SecretTargeting.resolve(ctx, "secretsmanager:UntagResource",
                keys -> keys.putAll("aws:TagKeys", tagKeys));
        if (secret.isScheduledForDeletion()) {
            throw SecretsManagerErrors.markedForDeletion();
        }
        tagKeys.forEach(secret.tags()::remove);
        secret.touchChanged(ctx.now());
        return SecretJson.object();
    }
}
