package dev.secretstore.gcp.internal;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.ErrorDetails;
import com.google.api.gax.rpc.StatusCode;
import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretIntegrityException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps a Secret Manager failure to the typed exception, by gRPC status code and ErrorInfo reason (never by the
 * client's exception class). The server's message is not copied: it may quote label values or names the caller
 * wrote, and a status code with the method, the permission and the resource says what happened.
 */
final class GcpErrors {

    static final String PROVIDER = "gcp";
    /** The ErrorInfo domain of Google's API front end (google/api/error_reason.proto). */
    private static final String GOOGLEAPIS = "googleapis.com";

    /** AccessSecretVersion's wording for a version that is not enabled: "Secret Version [...] is in DISABLED state." */
    private static final java.util.regex.Pattern NOT_ENABLED = java.util.regex.Pattern.compile(
            "\\] is in (DISABLED|DESTROYED) state", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final String projectId;

    GcpErrors(String projectId) {
        this.projectId = projectId;
    }

    SecretStoreException map(ApiException e, GcpRpc rpc, SecretName name, String resource) {
        StatusCode.Code code = e.getStatusCode().getCode();
        String where = rpc.method() + " on " + resource;
        switch (code) {
            case NOT_FOUND:
                return new SecretNotFoundException(PROVIDER, null, name, "Secret Manager has no " + what(resource)
                        + " (" + rpc.method() + ": NOT_FOUND)", null, null);
            case ALREADY_EXISTS:
                return new SecretAlreadyExistsException(PROVIDER, null, name, "a secret " + resource
                        + " already exists (" + rpc.method() + ": ALREADY_EXISTS)", "use another name, or put to add a version",
                        null);
            case PERMISSION_DENIED:
                return denied(rpc, name, e, where);
            case UNAUTHENTICATED:
                return new AuthenticationFailedException(PROVIDER, null, name, "Secret Manager did not accept the "
                        + "credentials (" + rpc.method() + ": UNAUTHENTICATED)",
                        "the service-account key may be deleted, disabled or unknown to this project's service, or "
                        + "malformed; create a new key (gcloud iam service-accounts keys create) or check the "
                        + "Application Default Credentials of this environment (gcloud auth application-default "
                        + "print-access-token)", null);
            case RESOURCE_EXHAUSTED:
                return new ThrottledException(PROVIDER, null, name, "Secret Manager refused " + where
                        + " for quota (RESOURCE_EXHAUSTED)", "lower readRate (readAll's AccessSecretVersion calls per "
                        + "second) or readConcurrency, or ask for a higher Secret Manager quota in the Google Cloud "
                        + "console (IAM & Admin > Quotas); the quota is per project, shared by its other clients", null,
                        retryDelay(e));
            case UNAVAILABLE:
            case DEADLINE_EXCEEDED:
            case INTERNAL:
            case UNKNOWN:
            case ABORTED:
            case CANCELLED:
                return new StoreUnavailableException(PROVIDER, null, name, "Secret Manager could not serve " + where
                        + " (" + code + ")", "a transient failure: try again later; if it persists check "
                        + "https://status.cloud.google.com and the endpoint", null, retryDelay(e));
            case FAILED_PRECONDITION:
                return failedPrecondition(e, rpc, name, resource);
            case INVALID_ARGUMENT:
                if (rpc == GcpRpc.ADD_VERSION && mentionsChecksum(e)) {
                    return new SecretIntegrityException(PROVIDER, null, name, "Secret Manager found the value damaged "
                            + "on its way (its CRC32C check of the payload failed); nothing was stored",
                            "try again; if it persists, check the network path to Secret Manager", resource, null);
                }
                return new InvalidRequestException(PROVIDER, null, name, "Secret Manager refused " + where
                        + " as invalid (INVALID_ARGUMENT)", null, null);
            default:
                return new SecretStoreException(PROVIDER, null, name, "Secret Manager failed " + where + " (" + code
                        + ")", null, null);
        }
    }

    private SecretStoreException denied(GcpRpc rpc, SecretName name, ApiException e, String where) {
        // ErrorInfo reasons are unique within their domain (AIP-193); googleapis.com is the front end's.
        String reason = GOOGLEAPIS.equals(e.getDomain()) ? Optional.ofNullable(e.getReason()).orElse("") : "";
        switch (reason) {
            case "SERVICE_DISABLED":
                return new AccessDeniedException(PROVIDER, null, name, "the Secret Manager API is not enabled in "
                        + "project " + projectId + " (" + rpc.method() + ": PERMISSION_DENIED, SERVICE_DISABLED); no "
                        + "permission is missing", "enable the API: gcloud services enable secretmanager.googleapis.com "
                        + "--project " + projectId + " (as a project owner or editor), then wait a few minutes for "
                        + "it to apply", null);
            case "CONSUMER_INVALID":
                return new AccessDeniedException(PROVIDER, null, name, "project " + projectId + " does not exist, "
                        + "was deleted, or is not a project ID (" + rpc.method() + ": PERMISSION_DENIED, "
                        + "CONSUMER_INVALID)", "check projectId in the config: it must be the project ID as `gcloud "
                        + "projects list` shows it (PROJECT_ID), not the project's name or number", null);
            case "USER_PROJECT_DENIED":
                return new AccessDeniedException(PROVIDER, null, name, "the quota project of these credentials is "
                        + "not usable (" + rpc.method() + ": PERMISSION_DENIED, USER_PROJECT_DENIED)",
                        "the credentials name a quota project (quota_project_id in the Application Default "
                        + "Credentials file) that does not exist or on which the caller lacks "
                        + "serviceusage.services.use: grant roles/serviceusage.serviceUsageConsumer there, or set "
                        + "another one (gcloud auth application-default set-quota-project " + projectId + ")", null);
            default:
                return new AccessDeniedException(PROVIDER, null, name, "permission " + rpc.permission() + " denied for "
                        + where + " (PERMISSION_DENIED)",
                        "grant " + rpc.role() + " (which carries " + rpc.permission() + ") to the service account, on "
                        + "the project with a condition on the name prefix: `secretstore policy gcp --project "
                        + projectId + " --service-account <email>` prints the commands; if the project ID is wrong, "
                        + "Secret Manager answers the same way", null);
        }
    }

    /**
     * The state named by AccessSecretVersion's FAILED_PRECONDITION for a version that is not enabled ("Secret Version
     * [...] is in DISABLED state."), or empty for any other failure.
     */
    static Optional<String> notEnabledState(ApiException e) {
        if (e.getStatusCode().getCode() != StatusCode.Code.FAILED_PRECONDITION) {
            return Optional.empty();
        }
        // The state from the phrase, not from anywhere in the message: the version's resource name is in it too, and a
        // secret ID may well contain "destroyed" or "disabled" (it holds no space, so it cannot hold the phrase).
        java.util.regex.Matcher state = NOT_ENABLED.matcher(Optional.ofNullable(e.getMessage()).orElse(""));
        return state.find() ? Optional.of(state.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    private static SecretStoreException failedPrecondition(ApiException e, GcpRpc rpc, SecretName name, String resource) {
        String state = notEnabledState(e).orElse(null);
        if (rpc == GcpRpc.ACCESS_VERSION && state != null) {
            return new SecretNotFoundException(PROVIDER, null, name, "the version " + resource + " is " + state
                    + ", so its value cannot be read (FAILED_PRECONDITION)", state.equals("DISABLED")
                    ? "enable it (gcloud secrets versions enable) or read another version"
                    : "a destroyed version's value is gone for good; read another version or put a new value", null);
        }
        return new InvalidRequestException(PROVIDER, null, name, "Secret Manager refused " + rpc.method() + " on "
                + resource + " in its current state (FAILED_PRECONDITION)", null, null);
    }

    private static boolean mentionsChecksum(ApiException e) {
        String m = Optional.ofNullable(e.getMessage()).orElse("").toLowerCase(Locale.ROOT);
        return m.contains("checksum") || m.contains("crc32c");
    }

    private static String what(String resource) {
        return resource.contains("/versions/") ? "version " + resource : "secret " + resource;
    }

    private static Duration retryDelay(ApiException e) {
        ErrorDetails details = e.getErrorDetails();
        if (details == null || details.getRetryInfo() == null || !details.getRetryInfo().hasRetryDelay()) {
            return null;
        }
        com.google.protobuf.Duration d = details.getRetryInfo().getRetryDelay();
        return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }
}
