package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import dev.secretstore.emulator.aws.internal.store.SecretVersion;
import java.util.List;

/** PutSecretValue: a new version, AWSCURRENT by default (the old current one becomes AWSPREVIOUS). */
final class PutSecretValueOperation implements Operation {

    @Override
    public ObjectNode handle(OperationContext ctx) {
        JsonFields f = ctx.fields();
        String token = f.string("ClientRequestToken");
        SecretRules.token(token);
        String string = f.string("SecretString");
        byte[] binary = f.blob("SecretBinary");
        SecretRules.value(string, binary);
        List<String> stages = f.strings("VersionStages");
        if (stages != null && (stages.isEmpty() || stages.size() > 20)) {
            throw SecretsManagerErrors.validation("versionStages", stages.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to 20");
        }
        Secret secret = SecretTargeting.resolve(ctx, "secretsmanager:PutSecretValue", keys -> keys);
        if (secret.isScheduledForDeletion()) {
            throw SecretsManagerErrors.markedForDeletion();
        }
        if (string == null && binary == null) {
            throw SecretsManagerErrors.invalidParameter("You must provide either SecretString or SecretBinary.");
        }
        SecretVersion version = VersionWriter.write(secret, token, string, binary,
                stages == null ? List.of(Secret.CURRENT) : stages, ctx.now());
        ObjectNode response = SecretJson.arnAndName(secret);
        response.put("VersionId", version.versionId());
        ArrayNode labels = response.putArray("VersionStages");
        version.stages().forEach(labels::add);
        return response;
    }
}
