package dev.secretstore.emulator.aws.internal.iam;

import java.util.List;

/**
 * IAM's evaluation for one account: an explicit Deny in any policy wins, otherwise some Allow is needed; when a
 * session policy is present both it and the identity policies must allow.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {
    }

    public static Decision evaluate(Principal principal, String action, String resource, RequestContext context) {
        Decision identity = evaluate(principal.identityPolicies(), action, resource, context);
        Decision session = principal.sessionPolicies().isEmpty() ? Decision.ALLOW
                : evaluate(principal.sessionPolicies(), action, resource, context);
        if (identity == Decision.EXPLICIT_DENY) {
            return Decision.EXPLICIT_DENY;
        }
        if (session == Decision.EXPLICIT_DENY) {
            return Decision.SESSION_EXPLICIT_DENY;
        }
        if (identity != Decision.ALLOW) {
            return Decision.IMPLICIT_DENY;
        }
        return session == Decision.ALLOW ? Decision.ALLOW : Decision.SESSION_IMPLICIT_DENY;
    }

    static Decision evaluate(List<PolicyDocument> policies, String action, String resource, RequestContext context) {
        boolean allowed = false;
        for (PolicyDocument policy : policies) {
            for (Statement s : policy.statements()) {
                if (s.appliesTo(action, resource, context)) {
                    if (!s.allow()) {
                        return Decision.EXPLICIT_DENY;
                    }
                    allowed = true;
                }
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** How a trust policy treats a caller wanting {@code sts:AssumeRole}. */
    public enum TrustOutcome { DENIED, ALLOWED_EXPLICITLY, ALLOWED_VIA_ACCOUNT }

    public static TrustOutcome evaluateTrust(PolicyDocument trust, Principal caller, String action, String roleArn,
                                             RequestContext context) {
        TrustOutcome outcome = TrustOutcome.DENIED;
        for (Statement s : trust.statements()) {
            if (s.principals() == null || !s.appliesTo(action, roleArn, context)) {
                continue;
            }
            PrincipalPattern.Match match = s.principals().match(caller);
            if (match == PrincipalPattern.Match.NONE) {
                continue;
            }
            if (!s.allow()) {
                return TrustOutcome.DENIED;
            }
            if (match == PrincipalPattern.Match.EXPLICIT) {
                outcome = TrustOutcome.ALLOWED_EXPLICITLY;
            } else if (outcome == TrustOutcome.DENIED) {
                outcome = TrustOutcome.ALLOWED_VIA_ACCOUNT;
            }
        }
        return outcome;
    }

    /**
     * Whether a role's trust policy lets holders of a token from the identity provider {@code providerArn} assume
     * it: an Allow statement with that {@code Federated} principal whose conditions hold (on the token's claims in
     * {@code context}), and no Deny statement that applies.
     */
    public static boolean trustsWebIdentity(PolicyDocument trust, String providerArn, String action, String roleArn,
                                            RequestContext context) {
        boolean allowed = false;
        for (Statement s : trust.statements()) {
            if (s.principals() == null || !s.principals().trustsFederated(providerArn)
                    || !s.appliesTo(action, roleArn, context)) {
                continue;
            }
            if (!s.allow()) {
                return false;
            }
            allowed = true;
        }
        return allowed;
    }

    /** The message AWS sends with AccessDeniedException / AccessDenied. */
    public static String denialMessage(Principal principal, String action, String resource, Decision decision) {
        String because = switch (decision) {
            case EXPLICIT_DENY -> "with an explicit deny in an identity-based policy";
            case SESSION_EXPLICIT_DENY -> "with an explicit deny in a session policy";
            case SESSION_IMPLICIT_DENY -> "because no session policy allows the " + action + " action";
            default -> "because no identity-based policy allows the " + action + " action";
        };
        return "User: " + principal.arn() + " is not authorized to perform: " + action + " on resource: " + resource
                + " " + because;
    }
}
