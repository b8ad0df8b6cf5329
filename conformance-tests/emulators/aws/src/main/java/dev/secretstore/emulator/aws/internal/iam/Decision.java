package dev.secretstore.emulator.aws.internal.iam;

/** The outcome of evaluating policies for one action on one resource. */
public enum Decision {
    ALLOW, IMPLICIT_DENY, EXPLICIT_DENY
}
