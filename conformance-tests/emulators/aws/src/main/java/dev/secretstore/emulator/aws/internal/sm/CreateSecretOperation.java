package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.iam.RequestContext;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import dev.secretstore.emulator.aws.internal.store.SecretVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateSecret; with Tags it also needs secretsmanager:TagResource, as the service documents. */
final class CreateSecretOperation implements Operation {

    @Override
    public ObjectNode handle(OperationContext ctx) {
        JsonFields f = ctx.fields();
        String name = f.required("Name", "name");
        SecretRules.name(name);
        String token = f.string("ClientRequestToken");
        SecretRules.token(token);
        String description = f.string("Description");
        SecretRules.description(description);
        String kmsKeyId = f.string("KmsKeyId");
        String string = f.string("SecretString");
        byte[] binary = f.blob("SecretBinary");
        SecretRules.value(string, binary);
        if (f.has("AddReplicaRegions")) {
            // Refused rather than ignored: a caller relying on replicas must not believe it has them.
            throw SecretsManagerErrors.invalidRequest("This emulator does not implement replication "
                    + "(AddReplicaRegions).");
        }
        Map<String, String> tags = f.tags("Tags");
        SecretRules.tags(tags);
        SecretRules.tagCount(tags == null ? 0 : tags.size());

        Secret existing = ctx.repository().byName(ctx.accountId(), ctx.region(), name, ctx.now()).orElse(null);
        String arn = existing != null ? existing.arn() : SecretArns.newArn(ctx.region(), ctx.accountId(), name);

        RequestContext keys = ctx.authorizer().withRequestTags(
                ctx.authorizer().baseContext(ctx.principal(), ctx.region()), tags)
                .put("secretsmanager:Name", name)
                .put("secretsmanager:Description", description)
                .put("secretsmanager:KmsKeyId", kmsKeyId);
        ctx.authorizer().require(ctx.principal(), "secretsmanager:CreateSecret", arn, keys);
        if (tags != null && !tags.isEmpty()) {
            ctx.authorizer().require(ctx.principal(), "secretsmanager:TagResource", arn, keys);
        }

        if (existing != null) {
            if (existing.isScheduledForDeletion()) {
                throw SecretsManagerErrors.createOnScheduledName();
            }
            Optional<SecretVersion> repeat = token == null ? Optional.empty() : existing.version(token)
                    .filter(v -> v.sameValue(string, binary));
            if (repeat.isPresent()) {
                ObjectNode response = SecretJson.arnAndName(existing);
                response.put("VersionId", repeat.get().versionId());
                return response;
            }
            throw SecretsManagerErrors.alreadyExists(name);
        }

        Secret secret = new Secret(ctx.accountId(), ctx.region(), name, arn, ctx.now());
        secret.description(description);
        secret.kmsKeyId(kmsKeyId);
        if (tags != null) {
            secret.tags().putAll(tags);
        }
        ObjectNode response = SecretJson.arnAndName(secret);
        if (string != null || binary != null) {
            SecretVersion version = VersionWriter.write(secret, token, string, binary, List.of(Secret.CURRENT),
                    ctx.now());
            response.put("VersionId", version.versionId());
        }
        ctx.repository().add(secret);
        return response;
    }
}
