package dev.secretstore.aws.internal;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps what the SDK throws to the typed exceptions, by AWS error code and HTTP status (never by SDK exception
 * class: an {@code AccessDeniedException} arrives as a plain {@code SecretsManagerException}). Details carry
 * the error code, the IAM action and ARNs, and the request id, never a value or a credential: AWS validation
 * messages may quote request data, so no SDK exception is attached as a cause; only an I/O cause is.
 */
final class AwsErrors {

    static final String PROVIDER = "aws";

    private static final Pattern DENIAL =
            Pattern.compile("(?:User: (\\S+) )?is not authorized to perform: (\\S+) on resource: (\\S+)");
    private static final Set<String> THROTTLING = Set.of("ThrottlingException", "Throttling", "ThrottledException",
            "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException",
            "SlowDown", "PriorRequestNotComplete");
    private static final Set<String> UNKNOWN_KEY = Set.of("UnrecognizedClientException", "InvalidClientTokenId");
    private static final Set<String> BAD_SIGNATURE = Set.of("InvalidSignatureException", "SignatureDoesNotMatch");
    private static final Set<String> EXPIRED = Set.of("ExpiredTokenException", "ExpiredToken");
    private static final Set<String> NO_SIGNATURE =
            Set.of("MissingAuthenticationTokenException", "MissingAuthenticationToken", "IncompleteSignature");

    private final AwsSettings settings;

    AwsErrors(AwsSettings settings) {
        this.settings = settings;
    }

    /**
     * @param failure what the SDK threw
     * @param name    the secret concerned, or {@code null}
     * @param action  the IAM action of the call, e.g. {@code secretsmanager:GetSecretValue}
     * @return the typed exception to throw
     */
    SecretStoreException map(SdkException failure, SecretName name, String action) {
        Optional<AwsServiceException> service = serviceException(failure);
        if (service.isPresent()) {
            return mapService(service.get(), name, action);
        }
        return mapClient(failure, name);
    }

    /**
     * @param error one per-id error of BatchGetSecretValue
     * @param name  its name
     * @return the typed exception for that name's result
     */
    SecretStoreException mapBatchError(APIErrorType error, SecretName name) {
        String code = error.errorCode() == null ? "Unknown" : error.errorCode();
        return mapCode(code, error.message() == null ? "" : error.message(), 400, false, " (" + code + ")", name,
                "secretsmanager:GetSecretValue");
    }

    private SecretStoreException mapService(AwsServiceException e, SecretName name, String action) {
        String code = code(e);
        return mapCode(code, message(e), e.statusCode(), isSts(e),
                " (" + code + ", HTTP " + e.statusCode() + requestId(e) + ")", name, action);
    }

    private SecretStoreException mapCode(String code, String message, int status, boolean sts, String ref,
                                         SecretName name, String action) {
        if (sts && (code.equals("AccessDenied") || code.equals("AccessDeniedException"))) {
            return new AuthenticationFailedException(PROVIDER, null, name,
                    "STS refused to let the source credentials assume " + settings.roleArn().orElse("the role") + ref,
                    assumeRoleHint(), null);
        }
        if (code.equals("AccessDeniedException") || code.equals("AccessDenied")) {
            return denied(name, action, message, ref);
        }
        if (code.equals("DecryptionFailure") || code.equals("EncryptionFailure")
                || code.equals("KMSAccessDeniedException") || code.equals("KMSInvalidStateException")) {
            return new AccessDeniedException(PROVIDER, null, name, "the KMS key of the secret could not be used" + ref,
                    "grant kms:Decrypt and kms:GenerateDataKey on " + settings.kmsKeyArn().orElse("the secret's KMS key")
                            + " to this identity, and check that the key is enabled", null);
        }
        if (UNKNOWN_KEY.contains(code)) {
            return new AuthenticationFailedException(PROVIDER, null, name, (sts ? "STS" : "Secrets Manager")
                    + " does not recognise the access key id, or the session token is invalid" + ref,
                    credentialHint(), null);
        }
        if (BAD_SIGNATURE.contains(code)) {
            boolean skew = message.contains("Signature expired") || message.contains("Signature not yet current");
            return new AuthenticationFailedException(PROVIDER, null, name, skew
                    ? "the request time differs from AWS's by more than 5 minutes" + ref
                    : "the secret access key does not match the access key id (signature mismatch)" + ref,
                    skew ? "synchronise this machine's clock (NTP)" : credentialHint(), null);
        }
        if (EXPIRED.contains(code)) {
            return new AuthenticationFailedException(PROVIDER, null, name, "the session token has expired" + ref,
                    settings.authType() == AuthType.IAM_ROLE
                            ? "the source credentials used to assume the role have expired: refresh them (e.g. the"
                            + " web identity token file or the instance role)"
                            : "temporary credentials expire: use IAM_ROLE, which refreshes them, or new keys", null);
        }
        if (NO_SIGNATURE.contains(code)) {
            return new AuthenticationFailedException(PROVIDER, null, name, "the request carried no valid signature" + ref,
                    credentialHint(), null);
        }
        if (code.equals("ResourceNotFoundException")) {
            return new SecretNotFoundException(PROVIDER, null, name, "no such secret" + ref, null, null);
        }
        if (code.equals("ResourceExistsException")) {
            return new SecretAlreadyExistsException(PROVIDER, null, name, "a secret with this name exists" + ref, null,
                    null);
        }
        if (code.equals("InvalidRequestException") && isScheduledForDeletion(message)) {
            if (action.endsWith(":CreateSecret")) {
                return new SecretAlreadyExistsException(PROVIDER, null, name,
                        "a secret of this name is scheduled for deletion" + ref, SCHEDULED_HINT, null);
            }
            return new SecretNotFoundException(PROVIDER, null, name, "the secret is scheduled for deletion" + ref,
                    SCHEDULED_HINT, null);
        }
        if (THROTTLING.contains(code) || status == 429) {
            return new ThrottledException(PROVIDER, null, name, "Secrets Manager is throttling requests" + ref,
                    "lower readRate (readAll's BatchGetSecretValue calls per second) or readConcurrency, or spread"
                            + " the load: the quota is per account and region, shared by its other clients; the retry policy"
                            + " gave up", null, null);
        }
        if (status >= 500) {
            return new StoreUnavailableException(PROVIDER, null, name, "Secrets Manager failed" + ref,
                    "try again later; check the AWS Health Dashboard for " + settings.region(), null);
        }
        if (code.equals("LimitExceededException")) {
            return new InvalidRequestException(PROVIDER, null, name, "a Secrets Manager quota would be exceeded" + ref,
                    "see the Secrets Manager quotas in the AWS User Guide", null);
        }
        return new InvalidRequestException(PROVIDER, null, name, "Secrets Manager refused the request" + ref, null,
                null);
    }

    static final String SCHEDULED_HINT = "a secret of this name is scheduled for deletion: restore it"
            + " (secretstore restore, or RestoreSecret), or delete it for good first (secretstore delete --force)";

    static boolean isScheduledForDeletion(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("marked for deletion") || m.contains("scheduled for deletion");
    }

    private SecretStoreException denied(SecretName name, String action, String message, String ref) {
        Matcher m = DENIAL.matcher(message);
        String principal = null;
        String deniedAction = action;
        String resource = null;
        if (m.find()) {
            principal = m.group(1);
            deniedAction = m.group(2);
            resource = m.group(3);
        }
        String detail = "not authorized to perform " + deniedAction
                + (resource == null ? "" : " on " + resource) + (principal == null ? "" : " as " + principal) + ref;
        String tag = settings.tagKey();
        String hint = "check that a policy allowing " + deniedAction + " is attached to "
                + (principal == null ? "this user or role" : principal)
                + "; that its conditions on secretsmanager:ResourceTag/" + tag + " and aws:RequestTag/" + tag
                + " use this tag key and the value true; and that the policy's Resource names region "
                + settings.region() + " (is this the right region?). 'secretstore policy aws --tag-key " + tag
                + "' prints the recommended policy";
        return new AccessDeniedException(PROVIDER, null, name, detail, hint, null);
    }

    private SecretStoreException mapClient(SdkException e, SecretName name) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load credentials") || message.contains("Unable to load an identity")) {
            Optional<SecretStoreException> webIdentity = webIdentityRefused(message, name);
            if (webIdentity.isPresent()) {
                return webIdentity.get();
            }
            return new AuthenticationFailedException(PROVIDER, null, name, settings.authType() == AuthType.IAM_ROLE
                    ? "no source credentials to assume the role with were found on this machine"
                    : "the credentials could not be loaded",
                    "give this machine credentials through its default chain: environment variables"
                            + " (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), a web identity token (IRSA on EKS:"
                            + " AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN, from the service account's"
                            + " eks.amazonaws.com/role-arn annotation), a profile, or container or instance metadata",
                    null);
        }
        boolean timeout = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException;
        Throwable io = ioCause(e);
        return new StoreUnavailableException(PROVIDER, null, name, (timeout ? "the call to Secrets Manager timed out"
                : "Secrets Manager could not be reached") + (io == null ? "" : " (" + io.getClass().getSimpleName() + ")"),
                "check awsRegion (" + settings.region() + ")" + settings.endpoint().map(u -> " and endpoint (" + u + ")")
                        .orElse("") + " and the network route to Secrets Manager", io);
    }

    private static final Pattern WEB_IDENTITY_STS_FAILURE = Pattern.compile(
            "WebIdentityTokenFileCredentialsProvider\\(\\): (Token expired)?.*?\\(Service: Sts, Status Code: (\\d{3}),"
                    + " Request ID: ([\\w-]+)\\)");

    /**
     * The chain found a web identity token (IRSA) but STS refused to exchange it. The SDK reports that only as
     * text in the chain's message, so it is recognised there; only the status, the request id and whether the token
     * had expired are taken from it (never the token or STS's message).
     */
    private Optional<SecretStoreException> webIdentityRefused(String chainMessage, SecretName name) {
        Matcher m = WEB_IDENTITY_STS_FAILURE.matcher(chainMessage);
        if (!m.find()) {
            return Optional.empty();
        }
        String why = m.group(1) != null ? "it has expired"
                : m.group(2).equals("403") ? "the role in AWS_ROLE_ARN does not trust it" : "it is not valid for STS";
        return Optional.of(new AuthenticationFailedException(PROVIDER, null, name,
                "STS refused the web identity token of this machine's source credentials: " + why + " (HTTP "
                        + m.group(2) + ", request id " + m.group(3) + ")",
                "check that the projected service account token (AWS_WEB_IDENTITY_TOKEN_FILE) is mounted and"
                        + " refreshed, that the cluster's OIDC provider is registered in IAM, and that the role named by"
                        + " AWS_ROLE_ARN (the eks.amazonaws.com/role-arn annotation) trusts it: Federated principal"
                        + " of that provider, <issuer>:sub = system:serviceaccount:<namespace>:<name> and <issuer>:aud"
                        + " = sts.amazonaws.com", null));
    }

    private String credentialHint() {
        if (settings.authType() == AuthType.IAM_ROLE) {
            return "check the machine's source credentials (environment, web identity token file, profile, instance"
                    + " role): the access key is unknown, deactivated or its secret is wrong";
        }
        return "check awsAccessKey and awsSecretAccessKey: the key may be unknown, deactivated or deleted in IAM,"
                + " or the secret key does not belong to it";
    }

    private String assumeRoleHint() {
        return "check the trust relationship of " + settings.roleArn().orElse("the role")
                + ": it must allow the calling principal sts:AssumeRole"
                + (settings.externalId().isPresent() ? ", with an sts:ExternalId condition equal to externalId"
                : " (and if it requires sts:ExternalId, set externalId)")
                + "; under IRSA, that the service account's eks.amazonaws.com/role-arn annotation names the role the"
                + " trust policy's OIDC provider allows; and that the caller may call sts:AssumeRole on the role";
    }

    private static Optional<AwsServiceException> serviceException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AwsServiceException) {
                return Optional.of((AwsServiceException) c);
            }
        }
        return Optional.empty();
    }

    private static Throwable ioCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return copyWithoutDetail((IOException) c);
            }
        }
        return null;
    }

    // The exception's class says what happened; its message may name hosts only, but keep nothing but the type.
    private static IOException copyWithoutDetail(IOException e) {
        IOException copy = new IOException(e.getClass().getName());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    static String code(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null ? "HTTP" + e.statusCode() : code;
    }

    private static String message(AwsServiceException e) {
        String m = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return m == null ? "" : m;
    }

    private static boolean isSts(AwsServiceException e) {
        String service = e.awsErrorDetails() == null ? null : e.awsErrorDetails().serviceName();
        return service != null && service.equalsIgnoreCase("sts");
    }

    private static String requestId(AwsServiceException e) {
        return e.requestId() == null ? "" : ", request id " + e.requestId();
    }
}
