package dev.secretstore.emulator.aws.internal.sm;

import dev.secretstore.emulator.aws.internal.iam.Decision;
import dev.secretstore.emulator.aws.internal.iam.PolicyEvaluator;
import dev.secretstore.emulator.aws.internal.iam.Principal;
import dev.secretstore.emulator.aws.internal.iam.RequestContext;
import dev.secretstore.emulator.aws.internal.protocol.AwsException;
import dev.secretstore.emulator.aws.internal.store.Secret;
import java.util.Map;

/** Checks an action against the caller's policies and builds the condition keys Secrets Manager supplies. */
final class Authorizer {

    /** The keys every request carries: who calls, from which region. */
    RequestContext baseContext(Principal principal, String region) {
        RequestContext c = new RequestContext()
                .put("aws:PrincipalArn", principal.isRoleSession() ? principal.roleArn() : principal.arn())
                .put("aws:PrincipalAccount", principal.accountId())
                .put("aws:PrincipalType", principal.type())
                .put("aws:userid", principal.userId())
                .put("aws:username", principal.userName())
                .put("aws:RequestedRegion", region);
        return c;
    }

    /** Adds the keys of an existing secret: its tags (both prefixes) and its ARN. */
    RequestContext withSecret(RequestContext context, Secret secret) {
        RequestContext c = context.copy();
        if (secret != null) {
            c.put("secretsmanager:SecretId", secret.arn());
            for (Map.Entry<String, String> tag : secret.tags().entrySet()) {
                c.put("secretsmanager:ResourceTag/" + tag.getKey(), tag.getValue());
                c.put("aws:ResourceTag/" + tag.getKey(), tag.getValue());
            }
        }
        return c;
    }

    /** Adds the keys of tags sent in the request ({@code aws:RequestTag/*}, {@code aws:TagKeys}). */
    RequestContext withRequestTags(RequestContext context, Map<String, String> tags) {
        RequestContext c = context.copy();
        if (tags != null && !tags.isEmpty()) {
            tags.forEach((k, v) -> c.put("aws:RequestTag/" + k, v));
            c.putAll("aws:TagKeys", tags.keySet().stream().toList());
        }
        return c;
    }

    Decision decide(Principal principal, String action, String resource, RequestContext context) {
        return PolicyEvaluator.evaluate(principal, action, resource, context);
    }

    void require(Principal principal, String action, String resource, RequestContext context) {
        Decision decision = decide(principal, action, resource, context);
        if (decision != Decision.ALLOW) {
            throw denied(principal, action, resource, decision);
        }
    }

    static AwsException denied(Principal principal, String action, String resource, Decision decision) {
        return AwsException.badRequest("AccessDeniedException",
                PolicyEvaluator.denialMessage(principal, action, resource, decision));
    }
}
