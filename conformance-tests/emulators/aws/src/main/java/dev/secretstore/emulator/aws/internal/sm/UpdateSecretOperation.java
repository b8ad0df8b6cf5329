package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import dev.secretstore.emulator.aws.internal.store.SecretVersion;
import java.util.List;

/** UpdateSecret: metadata changes, and a new AWSCURRENT version when a value is given. */
final class UpdateSecretOperation implements Operation {

    @Override
    public ObjectNode handle(OperationContext ctx) {
        JsonFields f = ctx.fields();
        String token = f.string("ClientRequestToken");
        SecretRules.token(token);
        String description = f.string("Description");
        SecretRules.description(description);
        String kmsKeyId = f.string("KmsKeyId");
        String string = f.string("SecretString");
        byte[] binary = f.blob("SecretBinary");
        SecretRules.value(string, binary);
        Secret secret = SecretTargeting.resolve(ctx, "secretsmanager:UpdateSecret", keys -> keys
                .put("secretsmanager:Description", description)
                .put("secretsmanager:KmsKeyId", kmsKeyId));
        if (secret.isScheduledForDeletion()) {
            throw SecretsManagerErrors.markedForDeletion();
        }
        boolean newValue = string != null || binary != null;
        if (newValue) {
            VersionWriter.repeatOf(secret, token, string, binary); // refuse before changing any metadata
        }
        if (description != null) {
            secret.description(description);
        }
        if (kmsKeyId != null) {
            secret.kmsKeyId(kmsKeyId);
        }
        secret.touchChanged(ctx.now());
        ObjectNode response = SecretJson.arnAndName(secret);
        if (newValue) {
            SecretVersion version = VersionWriter.write(secret, token, string, binary, List.of(Secret.CURRENT),
                    ctx.now());
            response.put("VersionId", version.versionId());
        }
        return response;
    }
}
