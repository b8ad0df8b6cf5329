package dev.secretstore.emulator.aws.internal.iam;

import java.util.List;

/**
 * The {@code Principal} element of a trust policy. {@code *} or an account (id or {@code :root} ARN) matches
 * every principal of that account; an ARN matches that user or role. {@code Federated} names identity providers
 * (for AssumeRoleWithWebIdentity).
 */
record PrincipalPattern(boolean anyone, List<String> awsPrincipals, List<String> federated) {

    /** Whether {@code Principal.Federated} names this identity provider ARN. */
    boolean trustsFederated(String providerArn) {
        return federated.contains(providerArn);
    }

    /** How a caller matched: by its own ARN, through its account, or not at all. */
    enum Match { NONE, ACCOUNT, EXPLICIT }

    Match match(Principal caller) {
        if (anyone) {
            return Match.ACCOUNT;
        }
        Match best = Match.NONE;
        for (String p : awsPrincipals) {
            if ("*".equals(p) || p.equals(caller.accountId())
                    || p.equals("arn:aws:iam::" + caller.accountId() + ":root")) {
                best = best == Match.EXPLICIT ? best : Match.ACCOUNT;
            } else if (caller.trustArns().contains(p)) {
                best = Match.EXPLICIT;
            }
        }
        return best;
    }
}
