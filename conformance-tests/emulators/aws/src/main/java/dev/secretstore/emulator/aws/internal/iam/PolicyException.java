package dev.secretstore.emulator.aws.internal.iam;

/** A policy document the emulator cannot evaluate faithfully; raised when the policy is loaded, never later. */
public final class PolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }
}
