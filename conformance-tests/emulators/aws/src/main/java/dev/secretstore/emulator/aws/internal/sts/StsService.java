package dev.secretstore.emulator.aws.internal.sts;

import dev.secretstore.emulator.aws.internal.http.HttpResponseView;
import dev.secretstore.emulator.aws.internal.iam.Decision;
import dev.secretstore.emulator.aws.internal.iam.PolicyDocument;
import dev.secretstore.emulator.aws.internal.iam.PolicyEvaluator;
import dev.secretstore.emulator.aws.internal.iam.PolicyEvaluator.TrustOutcome;
import dev.secretstore.emulator.aws.internal.iam.PolicyException;
import dev.secretstore.emulator.aws.internal.iam.Principal;
import dev.secretstore.emulator.aws.internal.iam.RequestContext;
import dev.secretstore.emulator.aws.internal.identity.IamRole;
import dev.secretstore.emulator.aws.internal.identity.IdGenerator;
import dev.secretstore.emulator.aws.internal.identity.IdentityStore;
import dev.secretstore.emulator.aws.internal.identity.OidcProvider;
import dev.secretstore.emulator.aws.internal.identity.RoleSession;
import dev.secretstore.emulator.aws.internal.protocol.AwsException;
import dev.secretstore.emulator.aws.internal.protocol.AwsQueryProtocol;
import dev.secretstore.emulator.aws.internal.protocol.Xml;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * STS over the Query protocol: AssumeRole (trust policy, ExternalId, duration limits, optional session policy),
 * AssumeRoleWithWebIdentity (an OIDC token of a registered provider, checked against the role's trust policy) and
 * GetCallerIdentity.
 */
public final class StsService {
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");

    private final IdentityStore identities;

    public StsService(IdentityStore identities) {
        this.identities = identities;
    }

    public HttpResponseView handle(String action, Map<String, String> params, Principal caller, Instant now) {
        return switch (action) {
            case "AssumeRole" -> assumeRole(params, caller, now);
            case "AssumeRoleWithWebIdentity" -> assumeRoleWithWebIdentity(params, now);
            case "GetCallerIdentity" -> AwsQueryProtocol.ok(action,
                    "    <Arn>" + Xml.escape(caller.arn()) + "</Arn>\n"
                            + "    <UserId>" + Xml.escape(caller.userId()) + "</UserId>\n"
                            + "    <Account>" + caller.accountId() + "</Account>\n");
            default -> throw new AwsException("InvalidAction", 400,
                    "Could not find operation " + action + " for version 2011-06-15");
        };
    }

    private HttpResponseView assumeRole(Map<String, String> params, Principal caller, Instant now) {
        String roleArn = required(params, "RoleArn", "roleArn");
        String sessionName = required(params, "RoleSessionName", "roleSessionName");
        checkSessionName(sessionName);
        String externalId = params.get("ExternalId");
        if (externalId != null && (externalId.length() < 2 || externalId.length() > 1224
                || !EXTERNAL_ID.matcher(externalId).matches())) {
            throw validation("Value at 'externalId' failed to satisfy constraint: Member must have length between 2 "
                    + "and 1224 and satisfy regular expression pattern: [\\w+=,.@:/-]*");
        }
        int duration = duration(params.get("DurationSeconds"));
        PolicyDocument sessionPolicy = sessionPolicy(params.get("Policy"));

        String action = "sts:AssumeRole";
        IamRole role = identities.role(roleArn).orElse(null);
        RequestContext context = new RequestContext()
                .put("sts:ExternalId", externalId)
                .put("sts:RoleSessionName", sessionName)
                .put("aws:PrincipalArn", caller.isRoleSession() ? caller.roleArn() : caller.arn())
                .put("aws:PrincipalAccount", caller.accountId())
                .put("aws:PrincipalType", caller.type())
                .put("aws:username", caller.userName());
        AwsException denied = new AwsException("AccessDenied", 403, "User: " + caller.arn()
                + " is not authorized to perform: " + action + " on resource: " + roleArn);
        if (role == null) {
            throw denied;
        }
        TrustOutcome trust = PolicyEvaluator.evaluateTrust(role.trustPolicy(), caller, action, roleArn, context);
        Decision identity = PolicyEvaluator.evaluate(caller, action, roleArn, context);
        boolean allowed = !identity.isExplicitDeny() && (trust == TrustOutcome.ALLOWED_EXPLICITLY
                || (trust == TrustOutcome.ALLOWED_VIA_ACCOUNT && identity == Decision.ALLOW));
        if (!allowed || !caller.accountId().equals(role.accountId()) && identity != Decision.ALLOW) {
            throw denied;
        }
        if (duration > role.maxSessionDurationSeconds()) {
            throw validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        String xml = credentialsXml(issue(role, sessionName, sessionPolicy, now, duration));
        return AwsQueryProtocol.ok("AssumeRole", xml);
    }

    /** Unsigned: the token is the credential. The caller's identity is the token's subject. */
    private HttpResponseView assumeRoleWithWebIdentity(Map<String, String> params, Instant now) {
        String roleArn = required(params, "RoleArn", "roleArn");
        String sessionName = required(params, "RoleSessionName", "roleSessionName");
        checkSessionName(sessionName);
        String tokenText = required(params, "WebIdentityToken", "webIdentityToken");
        if (tokenText.length() < 4 || tokenText.length() > 20000) {
            throw validation("Value at 'webIdentityToken' failed to satisfy constraint: Member must have length "
                    + "between 4 and 20000");
        }
        int duration = duration(params.get("DurationSeconds"));
        PolicyDocument sessionPolicy = sessionPolicy(params.get("Policy"));

        WebIdentityToken token = WebIdentityToken.parse(tokenText);
        String accountId = accountOf(roleArn);
        OidcProvider provider = identities.oidcProvider(accountId, token.issuer()).orElseThrow(() ->
                WebIdentityToken.invalid("No OpenIDConnect provider found in your account for " + token.issuer()));
        token.verify(provider.publicKey(), now);
        List<String> audiences = token.audiences();
        if (audiences.stream().noneMatch(provider.clientIds()::contains)) {
            throw WebIdentityToken.invalid("Incorrect token audience");
        }
        String action = "sts:AssumeRoleWithWebIdentity";
        RequestContext context = new RequestContext()
                .put(provider.url() + ":sub", token.subject())
                .putAll(provider.url() + ":aud", audiences)
                .put("sts:RoleSessionName", sessionName)
                .put("aws:FederatedProvider", provider.arn());
        IamRole role = identities.role(roleArn).orElse(null);
        if (role == null
                || !PolicyEvaluator.trustsWebIdentity(role.trustPolicy(), provider.arn(), action, roleArn, context)) {
            throw new AwsException("AccessDenied", 403, "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        }
        if (duration > role.maxSessionDurationSeconds()) {
            throw validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        RoleSession session = issue(role, sessionName, sessionPolicy, now, duration);
        String xml = credentialsXml(session)
                + "    <SubjectFromWebIdentityToken>" + Xml.escape(token.subject()) + "</SubjectFromWebIdentityToken>\n"
                + "    <Audience>" + Xml.escape(audiences.get(0)) + "</Audience>\n"
                + "    <Provider>" + Xml.escape(provider.arn()) + "</Provider>\n";
        return AwsQueryProtocol.ok("AssumeRoleWithWebIdentity", xml);
    }

    private static String accountOf(String roleArn) {
        String[] parts = roleArn.split(":", 6);
        if (parts.length < 6 || !parts[4].matches("\\d{12}")) {
            throw validation("Value at 'roleArn' failed to satisfy constraint: Member must be a role ARN");
        }
        return parts[4];
    }

    private RoleSession issue(IamRole role, String sessionName, PolicyDocument sessionPolicy, Instant now,
                              int duration) {
        Instant expiration = now.plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS);
        RoleSession session = new RoleSession(IdGenerator.id("ASIA"), IdGenerator.secretAccessKey(),
                IdGenerator.sessionToken(), expiration, role, sessionName, sessionPolicy);
        identities.addSession(session);
        return session;
    }

    private static String credentialsXml(RoleSession session) {
        return "    <Credentials>\n"
                + "      <AccessKeyId>" + session.accessKeyId() + "</AccessKeyId>\n"
                + "      <SecretAccessKey>" + Xml.escape(session.secretAccessKey()) + "</SecretAccessKey>\n"
                + "      <SessionToken>" + Xml.escape(session.sessionToken()) + "</SessionToken>\n"
                + "      <Expiration>" + DateTimeFormatter.ISO_INSTANT.format(session.expiration()) + "</Expiration>\n"
                + "    </Credentials>\n"
                + "    <AssumedRoleUser>\n"
                + "      <AssumedRoleId>" + Xml.escape(session.assumedRoleId()) + "</AssumedRoleId>\n"
                + "      <Arn>" + Xml.escape(session.assumedRoleArn()) + "</Arn>\n"
                + "    </AssumedRoleUser>\n";
    }

    private static void checkSessionName(String sessionName) {
        if (sessionName.length() < 2 || sessionName.length() > 64) {
            throw validation("Value '" + sessionName + "' at 'roleSessionName' failed to satisfy constraint: Member "
                    + "must have length " + (sessionName.length() < 2 ? "greater than or equal to 2"
                    : "less than or equal to 64"));
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw validation("Value '" + sessionName + "' at 'roleSessionName' failed to satisfy constraint: Member "
                    + "must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
    }

    private static int duration(String text) {
        if (text == null) {
            return 3600;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw validation("Value '" + text + "' at 'durationSeconds' failed to satisfy constraint: Member must be "
                    + "an integer");
        }
        if (seconds < 900 || seconds > 43200) {
            throw validation("Value '" + seconds + "' at 'durationSeconds' failed to satisfy constraint: Member must "
                    + "have value " + (seconds < 900 ? "greater than or equal to 900" : "less than or equal to 43200"));
        }
        return seconds;
    }

    private static PolicyDocument sessionPolicy(String json) {
        if (json == null) {
            return null;
        }
        try {
            return PolicyDocument.parse(json);
        } catch (PolicyException e) {
            throw new AwsException("MalformedPolicyDocument", 400, e.getMessage());
        }
    }

    private static String required(Map<String, String> params, String name, String member) {
        String v = params.get(name);
        if (v == null) {
            throw validation("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return v;
    }

    private static AwsException validation(String detail) {
        return new AwsException("ValidationError", 400, detail.startsWith("The requested")
                ? detail : "1 validation error detected: " + detail);
    }
}
