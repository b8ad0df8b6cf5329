package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.protocol.AwsException;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import dev.secretstore.emulator.aws.internal.store.SecretVersion;

/** GetSecretValue by VersionId and/or VersionStage (AWSCURRENT when neither is given). */
final class GetSecretValueOperation implements Operation {

    @Override
    public ObjectNode handle(OperationContext ctx) {
        String versionId = ctx.fields().string("VersionId");
        String stage = ctx.fields().string("VersionStage");
        Secret secret = SecretTargeting.resolve(ctx, "secretsmanager:GetSecretValue", keys -> keys
                .put("secretsmanager:VersionId", versionId)
                .put("secretsmanager:VersionStage", stage));
        SecretVersion version = read(secret, versionId, stage);
        secret.touchAccessed(ctx.now());
        return SecretJson.value(secret, version);
    }

    static SecretVersion read(Secret secret, String versionId, String stage) {
        if (secret.isScheduledForDeletion()) {
            throw SecretsManagerErrors.markedForDeletion();
        }
        if (versionId != null) {
            SecretVersion version = secret.version(versionId).orElseThrow(() -> AwsException.badRequest(
                    "ResourceNotFoundException",
                    "Secrets Manager can't find the specified secret value for VersionId: " + versionId));
            if (stage != null && !version.stages().contains(stage)) {
                throw SecretsManagerErrors.invalidRequest(
                        "You provided a VersionStage that is not associated to the provided VersionId.");
            }
            return version;
        }
        String wanted = stage != null ? stage : Secret.CURRENT;
        return secret.versionWithStage(wanted).orElseThrow(() -> AwsException.badRequest("ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for staging label: " + wanted));
    }
}
