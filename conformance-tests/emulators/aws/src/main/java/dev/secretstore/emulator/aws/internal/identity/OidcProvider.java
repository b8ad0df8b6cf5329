package dev.secretstore.emulator.aws.internal.identity;

import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * An IAM OpenID Connect identity provider: the issuer whose tokens AssumeRoleWithWebIdentity accepts, the client
 * ids (audiences) registered for it and the RS256 key its tokens are signed with (the key AWS would fetch from the
 * issuer's JWKS; here the state names it).
 *
 * @param url the issuer without its scheme, as IAM keeps it ({@code oidc.example.test/id/ABC})
 */
public record OidcProvider(String accountId, String url, List<String> clientIds, RSAPublicKey publicKey) {

    public OidcProvider {
        clientIds = List.copyOf(clientIds);
    }

    public String arn() {
        return "arn:aws:iam::" + accountId + ":oidc-provider/" + url;
    }

    /** The token's {@code iss} this provider stands for. */
    public String issuer() {
        return "https://" + url;
    }
}
