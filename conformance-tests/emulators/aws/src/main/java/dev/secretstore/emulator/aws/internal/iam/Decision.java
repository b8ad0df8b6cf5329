package dev.secretstore.emulator.aws.internal.iam;

/**
 * The outcome of evaluating policies for one action on one resource. A denial remembers which kind of policy
 * caused it, because AWS names that kind in the AccessDenied message.
 */
public enum Decision {
    ALLOW, IMPLICIT_DENY, EXPLICIT_DENY, SESSION_IMPLICIT_DENY, SESSION_EXPLICIT_DENY;

    public boolean isExplicitDeny() {
        return this == EXPLICIT_DENY || this == SESSION_EXPLICIT_DENY;
    }
}
