package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.store.Secret;

/** DescribeSecret: metadata only; works on secrets scheduled for deletion (they show DeletedDate). */
final class DescribeSecretOperation implements Operation {

    @Override
    public ObjectNode handle(OperationContext ctx) {
        Secret secret = SecretTargeting.resolve(ctx, "secretsmanager:DescribeSecret", keys -> keys);
        return SecretJson.describe(secret, "VersionIdsToStages");
    }
}
