package dev.secretstore.gcp.internal;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Credentials for the two auth types; errors name the field and quote nothing of a key. */
final class GcpCredentials {

    static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform");

    /** Where WORKLOAD_IDENTITY gets its credentials; Application Default Credentials outside tests. */
    @FunctionalInterface
    interface AdcSource {
        GoogleCredentials load() throws IOException;
    }

    static final AdcSource APPLICATION_DEFAULT = GoogleCredentials::getApplicationDefault;

    private GcpCredentials() {
    }

    static GoogleCredentials serviceAccountKey(String json) {
        try {
            ServiceAccountCredentials key = ServiceAccountCredentials.fromStream(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            // As the client library's default provider does: the cloud-platform scope in a self-signed JWT.
            return key.toBuilder().setScopes(SCOPES).setUseJwtAccessWithScope(true).build();
        } catch (IOException | RuntimeException e) {
            // The library's message may quote the key's content: only say which part is wrong.
            throw new InvalidConfigException(GcpErrors.PROVIDER, List.of(ConfigProblem.of(
                    GcpConfigFields.CREDENTIALS_JSON, "could not be read as a service-account key (its private_key "
                    + "must be the PKCS#8 PEM of the key file Google issued)")));
        }
    }

    static GoogleCredentials applicationDefault(AdcSource source) {
        GoogleCredentials credentials;
        try {
            credentials = source.load();
        } catch (IOException e) {
            throw new AuthenticationFailedException(GcpErrors.PROVIDER, null, null, "no Application Default "
                    + "Credentials were found for auth_type WORKLOAD_IDENTITY",
                    "on GKE enable Workload Identity and bind the Kubernetes service account to a Google service "
                    + "account; on Compute Engine or Cloud Run attach a service account; elsewhere point "
                    + "GOOGLE_APPLICATION_CREDENTIALS at a workload identity federation config file", null);
        }
        if (credentials instanceof ServiceAccountCredentials) {
            // A key file named by GOOGLE_APPLICATION_CREDENTIALS: a self-signed JWT, as for SERVICE_ACCOUNT_KEY.
            return ((ServiceAccountCredentials) credentials).toBuilder().setScopes(SCOPES)
                    .setUseJwtAccessWithScope(true).build();
        }
        return credentials.createScopedRequired() ? credentials.createScoped(SCOPES) : credentials;
    }
}
