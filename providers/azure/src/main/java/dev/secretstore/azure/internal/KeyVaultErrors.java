package dev.secretstore.azure.internal;

import com.azure.core.exception.HttpResponseException;
import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.support.errors.RetryAfter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what the SDK throws into the typed exceptions, by HTTP status and Key Vault error code (the SDK's
 * exception classes do not say what happened: a 403 arrives as {@code ResourceModifiedException}), and by the
 * AADSTS code in the chain for Entra failures (wrapped in MSAL's exception). Details are this class's own words
 * plus codes; no SDK message is repeated and no SDK exception is attached, so nothing the service echoed can
 * reach a caller.
 */
final class KeyVaultErrors {
    static final String PROVIDER = "azure";
    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d{4,7})");
    private static final Pattern INNER_CODE = Pattern.compile("\"innererror\"\\s*:\\s*\\{\\s*\"code\"\\s*:\\s*\"(\\w+)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern ACTION = Pattern.compile("Action: '([A-Za-z./]+)'");
    static final String ROLE_HINT_TAIL = "; a new role assignment can take a few minutes to propagate";

    private final AzureConfig.Settings settings;

    KeyVaultErrors(AzureConfig.Settings settings) {
        this.settings = settings;
    }

    /** The Key Vault error code of a failed call ({@code innererror.code} first), if the body has one. */
    static Optional<String> errorCode(HttpResponseException e) {
        String text = String.valueOf(e.getMessage());
        Matcher inner = INNER_CODE.matcher(text);
        if (inner.find()) {
            return Optional.of(inner.group(1));
        }
        Matcher code = CODE.matcher(text);
        return code.find() ? Optional.of(code.group(1)) : Optional.empty();
    }

    static int status(HttpResponseException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    }

    /** Whether the failure is a plain 404 (absent secret, absent version, or absent deleted secret). */
    static boolean isNotFound(RuntimeException e) {
        HttpResponseException http = find(e, HttpResponseException.class);
        return http != null && status(http) == 404;
    }

    SecretStoreException map(RuntimeException e, SecretName name) {
        if (e instanceof SecretStoreException) {
            return (SecretStoreException) e;
        }
        if (mentions(e, "not configured to acquire tokens for tenant")) {
            // The vault's challenge named another tenant than tenantId: the SDK refuses before asking Entra.
            return new AuthenticationFailedException(PROVIDER, null, name, "the vault belongs to another tenant than "
                    + "tenantId " + settings.tenantId(), "set tenantId to the vault's tenant (the Directory (tenant) ID "
                    + "of the subscription the vault is in), and register the application there", null);
        }
        Optional<Integer> aadsts = aadstsCode(e);
        if (aadsts.isPresent()) {
            return entra(aadsts.get(), name);
        }
        HttpResponseException http = find(e, HttpResponseException.class);
        if (http != null && http.getResponse() != null) {
            return vault(http, name);
        }
        if (find(e, NoSuchFileException.class) != null || (settings.workloadIdentity() && isTokenFileFailure(e))) {
            return new AuthenticationFailedException(PROVIDER, null, name, "cannot read the federated token file",
                    "check tokenFile (default $" + AzureConfig.TOKEN_FILE_ENV + ") points to the token the platform "
                            + "projects into the pod (on AKS: label the pod azure.workload.identity/use=true and use "
                            + "a service account annotated with azure.workload.identity/client-id)", null);
        }
        if (find(e, UnknownHostException.class) != null) {
            return unreachable(name, "the vault's host name does not resolve");
        }
        if (find(e, ConnectException.class) != null || find(e, NoRouteToHostException.class) != null) {
            return unreachable(name, "the vault refused the connection");
        }
        if (find(e, SSLException.class) != null) {
            return new StoreUnavailableException(PROVIDER, null, name, "TLS handshake with the vault failed",
                    "the vault's certificate is not trusted by this JVM: behind a TLS-inspecting proxy or with a "
                            + "private endpoint, set caCertificateFile to the PEM of the CA that signs it", null);
        }
        if (find(e, IOException.class) != null || find(e, TimeoutException.class) != null) {
            return new StoreUnavailableException(PROVIDER, null, name, "the connection to the vault failed ("
                    + rootClass(e) + ")", "retry later; if it persists, check the network path to the vault", null);
        }
        return new StoreUnavailableException(PROVIDER, null, name, "unexpected failure talking to Key Vault ("
                + rootClass(e) + ")", null, null);
    }

    private SecretStoreException vault(HttpResponseException http, SecretName name) {
        int status = status(http);
        String code = errorCode(http).orElse("");
        switch (status) {
            case 401:
                return new AuthenticationFailedException(PROVIDER, null, name, "the vault refused the access token (401 "
                        + code + ")", "the vault belongs to another tenant than tenantId, or the token was issued for "
                        + "another cloud: check tenantId, authorityHost and vaultUrl", null);
            case 403:
                return forbidden(code, http, name);
            case 404:
                return new SecretNotFoundException(PROVIDER, null, name, "no such secret in the vault (404 "
                        + code + ")", null, null);
            case 409:
                return new SecretAlreadyExistsException(PROVIDER, null, name, "the vault holds this name already (409 "
                        + code + ")", null, null);
            case 429:
                return new ThrottledException(PROVIDER, null, name, "Key Vault throttled the request (429)",
                        "Key Vault limits requests per vault and region (4,000 secret transactions per 10 s, shared by the"
                                + " vault's other clients); lower readRate (readAll's GetSecret calls per second) or"
                                + " readConcurrency, or spread the load over vaults",
                        null, retryAfter(http).orElse(null));
            default:
                if (status >= 500 || status == 408) {
                    return new StoreUnavailableException(PROVIDER, null, name, "Key Vault answered " + status
                            + (code.isEmpty() ? "" : " " + code), "retry later; see the Azure status page if it persists",
                            null, retryAfter(http).orElse(null));
                }
                return new InvalidRequestException(PROVIDER, null, name, "Key Vault refused the request (" + status
                        + (code.isEmpty() ? "" : " " + code) + ")", null, null);
        }
    }

    private SecretStoreException forbidden(String code, HttpResponseException http, SecretName name) {
        String message = String.valueOf(http.getMessage());
        if (code.equals("SecretDisabled")) {
            return new AccessDeniedException(PROVIDER, null, name, "the secret is disabled in the vault (SecretDisabled)",
                    "enable it: az keyvault secret set-attributes --vault-name " + settings.vaultName()
                            + " --name <name> --enabled true", null);
        }
        if (message.contains("purge protection")) {
            return new AccessDeniedException(PROVIDER, null, name, "purge protection is enabled on this vault",
                    "Key Vault purges the secret itself after the vault's retention period; until then the name "
                            + "cannot be reused", null);
        }
        Matcher action = ACTION.matcher(message);
        String what = action.find() ? action.group(1) : "this secret operation";
        if (code.equals("AccessDenied") || message.contains("access policy")) {
            return new AccessDeniedException(PROVIDER, null, name, "the vault's access policy does not allow "
                    + what + " for this application", "grant the secret permissions Get, List, Set, Delete, Recover "
                    + "(and Purge for --force) in the vault's access policies, or move the vault to Azure RBAC and "
                    + "assign Key Vault Secrets Officer", null);
        }
        return new AccessDeniedException(PROVIDER, null, name, "the vault denied " + what + " to this application"
                + (code.isEmpty() ? "" : " (" + code + ")"), roleHint(), null);
    }

    String roleHint() {
        return "assign Key Vault Secrets Officer to this application on this vault: az role assignment create "
                + "--role \"Key Vault Secrets Officer\" --assignee " + settings.clientId() + " --scope "
                + "\"$(az keyvault show --name " + settings.vaultName() + " --query id --output tsv)\"" + ROLE_HINT_TAIL;
    }

    private SecretStoreException entra(int code, SecretName name) {
        String app = " (application " + settings.clientId() + ")";
        switch (code) {
            case 7000215:
                return auth(name, "Entra refused the client secret (AADSTS7000215: invalid client secret)" + app,
                        "set clientSecret to the secret's Value, not its Secret ID, from the app registration's "
                                + "'Certificates & secrets' page; if it is lost, create a new client secret");
            case 7000222:
                return auth(name, "the client secret has expired (AADSTS7000222)" + app,
                        "create a new client secret in the app registration's 'Certificates & secrets' page and put "
                                + "it in clientSecret; next time create the new secret before the old one expires "
                                + "(the page shows each secret's expiry date)");
            case 700016:
                return auth(name, "Entra has no application " + settings.clientId() + " in tenant " + settings.tenantId()
                        + " (AADSTS700016)", "set clientId to the Application (client) ID and tenantId to the "
                        + "Directory (tenant) ID from the app registration's Overview page");
            case 90002:
                return auth(name, "Entra has no tenant " + settings.tenantId() + " (AADSTS90002)",
                        "set tenantId to the Directory (tenant) ID from the app registration's Overview page; "
                                + "for a sovereign cloud also set authorityHost");
            case 7000218:
                return auth(name, "Entra received no client credential (AADSTS7000218)" + app,
                        "set clientSecret, or auth_type WORKLOAD_IDENTITY with a federated token file");
            case 70021:
            case 700211:
            case 700212:
            case 700213:
                return auth(name, "no federated credential of the application matches the workload's token (AADSTS"
                        + code + ")" + app, "add a federated credential to the application (or managed identity) "
                        + "with the cluster's OIDC issuer URL, subject system:serviceaccount:<namespace>:<service "
                        + "account> and audience api://AzureADTokenExchange");
            case 700024:
                return auth(name, "the workload's federated token is expired or not yet valid (AADSTS700024)",
                        "tokenFile must be the token the kubelet keeps refreshing ($" + AzureConfig.TOKEN_FILE_ENV
                                + "), not a copy; check the node's clock");
            case 700027:
            case 50027:
                return auth(name, "Entra could not validate the workload's federated token (AADSTS" + code + ")",
                        "check that the federated credential's issuer is the cluster's OIDC issuer and that the "
                                + "issuer's keys are published");
            default:
                return auth(name, "Entra refused the sign-in (AADSTS" + code + ")" + app,
                        "look the code up at https://login.microsoftonline.com/error?code=" + code);
        }
    }

    private static AuthenticationFailedException auth(SecretName name, String detail, String remediation) {
        return new AuthenticationFailedException(PROVIDER, null, name, detail, remediation, null);
    }

    private StoreUnavailableException unreachable(SecretName name, String detail) {
        return new StoreUnavailableException(PROVIDER, null, name, detail + " (" + settings.vaultUrl().getHost() + ")",
                "copy the Vault URI from the vault's Overview page in the Azure portal into vaultUrl; if it is "
                        + "right, check DNS, firewalls and the vault's networking settings (private endpoint)", null);
    }

    private static boolean mentions(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTokenFileFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("token file") || m.contains("federated token")) {
                return true;
            }
        }
        return false;
    }

    static Optional<Integer> aadstsCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = AADSTS.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Optional.of(Integer.parseInt(m.group(1)));
            }
        }
        return Optional.empty();
    }

    static Optional<Duration> retryAfter(HttpResponseException http) {
        return RetryAfter.parse(http.getResponse().getHeaderValue("Retry-After"));
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable s : t.getSuppressed()) {
                if (type.isInstance(s)) {
                    return type.cast(s);
                }
            }
        }
        return null;
    }

    private static String rootClass(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
