package dev.secretstore.emulator.aws.internal.identity;

import dev.secretstore.emulator.aws.internal.iam.PolicyDocument;
import dev.secretstore.emulator.aws.internal.iam.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts' users, roles, OIDC providers and the sessions AssumeRole and AssumeRoleWithWebIdentity have issued; answers "whose key is this?". */
public final class IdentityStore implements CredentialResolver {
    private final Map<String, IamUser> usersByKey = new ConcurrentHashMap<>();
    private final Map<String, IamUser> usersByArn = new ConcurrentHashMap<>();
    private final Map<String, IamRole> rolesByArn = new ConcurrentHashMap<>();
    private final Map<String, RoleSession> sessionsByKey = new ConcurrentHashMap<>();
    private final Map<String, OidcProvider> oidcProvidersByArn = new ConcurrentHashMap<>();

    public void addUser(IamUser user) {
        IamUser previous = usersByArn.put(user.arn(), user);
        if (previous != null) {
            previous.accessKeys().keySet().forEach(usersByKey::remove);
        }
        user.accessKeys().keySet().forEach(k -> usersByKey.put(k, user));
    }

    public void addRole(IamRole role) {
        rolesByArn.put(role.arn(), role);
    }

    public void addSession(RoleSession session) {
        sessionsByKey.put(session.accessKeyId(), session);
    }

    public void addOidcProvider(OidcProvider provider) {
        oidcProvidersByArn.put(provider.arn(), provider);
    }

    /** The account's OIDC provider whose issuer is {@code issuer} ({@code https://host/path}). */
    public Optional<OidcProvider> oidcProvider(String accountId, String issuer) {
        return oidcProvidersByArn.values().stream()
                .filter(p -> p.accountId().equals(accountId) && p.issuer().equals(issuer))
                .findFirst();
    }

    public Optional<IamRole> role(String arn) {
        return Optional.ofNullable(rolesByArn.get(arn));
    }

    public List<IamUser> users() {
        return List.copyOf(usersByArn.values());
    }

    public List<IamRole> roles() {
        return List.copyOf(rolesByArn.values());
    }

    public void clear() {
        usersByKey.clear();
        usersByArn.clear();
        rolesByArn.clear();
        sessionsByKey.clear();
        oidcProvidersByArn.clear();
    }

    @Override
    public Optional<Credential> resolve(String accessKeyId) {
        IamUser user = usersByKey.get(accessKeyId);
        if (user != null) {
            Principal principal = new Principal(user.arn(), user.accountId(), user.userId(), user.name(), null,
                    user.policies(), List.of());
            return Optional.of(new Credential(accessKeyId, user.accessKeys().get(accessKeyId), null, null, principal));
        }
        RoleSession session = sessionsByKey.get(accessKeyId);
        if (session != null) {
            // The role's current policies apply to live sessions, as in IAM (policy changes take effect at once).
            IamRole role = rolesByArn.getOrDefault(session.role().arn(), session.role());
            List<PolicyDocument> sessionPolicies = session.sessionPolicy() == null
                    ? List.of() : List.of(session.sessionPolicy());
            Principal principal = new Principal(session.assumedRoleArn(), role.accountId(), session.assumedRoleId(),
                    null, role.arn(), role.policies(), sessionPolicies);
            return Optional.of(new Credential(accessKeyId, session.secretAccessKey(), session.sessionToken(),
                    session.expiration(), principal));
        }
        return Optional.empty();
    }
}
