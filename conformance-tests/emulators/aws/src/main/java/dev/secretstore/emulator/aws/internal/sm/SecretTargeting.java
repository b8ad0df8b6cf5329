package dev.secretstore.emulator.aws.internal.sm;

import dev.secretstore.emulator.aws.internal.iam.RequestContext;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import java.util.function.UnaryOperator;

/**
 * Resolves the secret an operation names and authorizes the action on it. Authorization comes first, as in AWS:
 * a caller without permission learns nothing about whether the secret exists.
 */
final class SecretTargeting {
    private SecretTargeting() {
    }

    static Secret resolve(OperationContext ctx, String action, UnaryOperator<RequestContext> extraKeys) {
        return resolve(ctx, ctx.fields().required("SecretId", "secretId"), action, extraKeys);
    }

    static Secret resolve(OperationContext ctx, String secretId, String action,
                          UnaryOperator<RequestContext> extraKeys) {
        SecretRules.secretId(secretId);
        Secret secret = ctx.repository().find(ctx.accountId(), ctx.region(), secretId, ctx.now()).orElse(null);
        String resource = secret != null ? secret.arn() : resourceFor(ctx, secretId);
        RequestContext keys = extraKeys.apply(ctx.authorizer().withSecret(
                ctx.authorizer().baseContext(ctx.principal(), ctx.region()), secret));
        ctx.authorizer().require(ctx.principal(), action, resource, keys);
        if (secret == null) {
            throw SecretsManagerErrors.notFound();
        }
        return secret;
    }

    static String resourceFor(OperationContext ctx, String secretId) {
        return secretId.startsWith("arn:") ? secretId
                : "arn:aws:secretsmanager:" + ctx.region() + ":" + ctx.accountId() + ":secret:" + secretId;
    }
}
