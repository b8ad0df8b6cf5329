package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.store.Secret;

/** RestoreSecret: cancels a scheduled deletion; on a live secret it changes nothing. */
final class RestoreSecretOperation implements Operation {

    @Override
    public ObjectNode handle(OperationContext ctx) {
        Secret secret = SecretTargeting.resolve(ctx, "secretsmanager:RestoreSecret", keys -> keys);
        if (secret.isScheduledForDeletion()) {
            secret.cancelDeletion();
            secret.touchChanged(ctx.now());
        }
        return SecretJson.arnAndName(secret);
    }
}
