package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.iam.Decision;
import dev.secretstore.emulator.aws.internal.protocol.AwsException;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import java.util.List;

/**
 * BatchGetSecretValue: either up to 20 ids (each failure reported in Errors, the rest still returned) or Filters
 * with paging. Needs secretsmanager:BatchGetSecretValue, GetSecretValue per secret, and ListSecrets for Filters.
 */
final class BatchGetSecretValueOperation implements Operation {
    private static final int MAX_IDS = 20;

    @Override
    public ObjectNode handle(OperationContext ctx) {
        JsonFields f = ctx.fields();
        List<String> ids = f.strings("SecretIdList");
        boolean hasFilters = f.has("Filters");
        if ((ids == null) == !hasFilters) {
            throw SecretsManagerErrors.invalidParameter(
                    "Either SecretIdList or Filters must be specified, but not both.");
        }
        if (ids != null && (ids.isEmpty() || ids.size() > MAX_IDS)) {
            throw SecretsManagerErrors.validation("secretIdList", ids.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to " + MAX_IDS);
        }
        Long max = f.number("MaxResults");
        if (max != null && (max < 1 || max > MAX_IDS)) {
            throw SecretsManagerErrors.validation("maxResults", max < 1
                    ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to " + MAX_IDS);
        }
        if (ids != null && (max != null || f.has("NextToken"))) {
            throw SecretsManagerErrors.invalidParameter(
                    "MaxResults and NextToken can only be used with Filters, not with SecretIdList.");
        }
        List<SecretFilter> filters = hasFilters ? SecretFilter.parse(f.node("Filters")) : List.of();
        int offset = PageToken.decode(f.string("NextToken"));
        ctx.authorizer().require(ctx.principal(), "secretsmanager:BatchGetSecretValue", "*",
                ctx.authorizer().baseContext(ctx.principal(), ctx.region()));

        ObjectNode response = SecretJson.object();
        ArrayNode values = response.putArray("SecretValues");
        ArrayNode errors = response.putArray("Errors");
        if (ids != null) {
            for (String id : ids) {
                try {
                    Secret secret = SecretTargeting.resolve(ctx, id, "secretsmanager:GetSecretValue", keys -> keys);
                    values.add(SecretJson.value(secret, GetSecretValueOperation.read(secret, null, null)));
                    secret.touchAccessed(ctx.now());
                } catch (AwsException e) {
                    errors.add(error(id, e));
                }
            }
            return response;
        }

        ctx.authorizer().require(ctx.principal(), "secretsmanager:ListSecrets", "*",
                ctx.authorizer().baseContext(ctx.principal(), ctx.region()));
        List<Secret> matching = ListSecretsOperation.matching(ctx, filters, false,
                ListSecretsOperation.byCreation());
        int pageSize = max == null ? MAX_IDS : max.intValue();
        int end = Math.min(matching.size(), offset + pageSize);
        for (Secret secret : matching.subList(Math.min(offset, matching.size()), end)) {
            Decision decision = ctx.authorizer().decide(ctx.principal(), "secretsmanager:GetSecretValue",
                    secret.arn(), ctx.authorizer().withSecret(
                            ctx.authorizer().baseContext(ctx.principal(), ctx.region()), secret));
            if (decision != Decision.ALLOW) {
                errors.add(error(secret.arn(), Authorizer.denied(ctx.principal(), "secretsmanager:GetSecretValue",
                        secret.arn(), decision)));
                continue;
            }
            try {
                values.add(SecretJson.value(secret, GetSecretValueOperation.read(secret, null, null)));
                secret.touchAccessed(ctx.now());
            } catch (AwsException e) {
                errors.add(error(secret.arn(), e));
            }
        }
        if (end < matching.size()) {
            response.put("NextToken", PageToken.encode(end));
        }
        return response;
    }

    private static ObjectNode error(String secretId, AwsException e) {
        ObjectNode node = SecretJson.object();
        node.put("SecretId", secretId);
        node.put("ErrorCode", e.code());
        node.put("Message", e.getMessage());
        return node;
    }
}
