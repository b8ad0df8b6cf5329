package dev.secretstore.azure;

import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.SecretStoreConformanceKit;
import dev.secretstore.emulator.azure.EmulatorDefaults;
import dev.secretstore.emulator.azure.WorkloadIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The whole kit against the emulator signed in with workload identity: a federated token file signed by an issuer
 * the emulator trusts, exchanged through Entra's client-assertion grant, as on AKS.
 */
class AzureWorkloadIdentityConformanceTest extends SecretStoreConformanceKit {
    static final String WORKLOAD_APP = "5ec2e7a1-0000-4000-8000-00000000e001";
    static final String SUBJECT = "system:serviceaccount:airbyte:secretstore";

    /** The default apps (the section is replaced as a whole) plus an app whose only credential is federated. */
    static String workloadState(WorkloadIssuer issuer) {
        String tenant = EmulatorDefaults.TENANT_ID;
        return ", \"federatedIssuers\": [" + issuer.stateEntry() + "], \"apps\": ["
                + app(tenant, EmulatorDefaults.OFFICER_CLIENT_ID, EmulatorDefaults.OFFICER_CLIENT_SECRET, "2099-12-31T00:00:00Z") + ","
                + app(tenant, EmulatorDefaults.USER_CLIENT_ID, EmulatorDefaults.USER_CLIENT_SECRET, "2099-12-31T00:00:00Z") + ","
                + app(tenant, EmulatorDefaults.READER_CLIENT_ID, EmulatorDefaults.READER_CLIENT_SECRET, "2099-12-31T00:00:00Z") + ","
                + app(tenant, EmulatorDefaults.EXPIRED_SECRET_CLIENT_ID, EmulatorDefaults.EXPIRED_CLIENT_SECRET, "2020-01-01T00:00:00Z") + ","
                + "{\"tenantId\": \"" + tenant + "\", \"clientId\": \"" + WORKLOAD_APP + "\", \"federatedCredentials\": "
                + "[{\"issuer\": \"" + issuer.issuer() + "\", \"subject\": \"" + SUBJECT + "\"}]}]";
    }

    private static String app(String tenant, String clientId, String secret, String expires) {
        return "{\"tenantId\": \"" + tenant + "\", \"clientId\": \"" + clientId + "\", \"secrets\": [{\"value\": \""
                + secret + "\", \"expires\": \"" + expires + "\"}]}";
    }

    /** A workload-identity config whose token file holds a fresh token of {@code issuer}. */
    static Map<String, Object> workloadConfig(EmulatorVault vault, WorkloadIssuer issuer) {
        try {
            Path tokenFile = Files.createTempFile("azure-federated-token", ".jwt");
            tokenFile.toFile().deleteOnExit();
            Files.writeString(tokenFile, issuer.token(SUBJECT, Duration.ofHours(1)));
            Map<String, Object> config = vault.base(WORKLOAD_APP);
            config.put("auth_type", "WORKLOAD_IDENTITY");
            config.put("tokenFile", tokenFile.toString());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected ConformanceFixture fixture() {
        WorkloadIssuer issuer = WorkloadIssuer.generate("https://oidc.example/aks-cluster/");
        EmulatorVault vault = new EmulatorVault(WORKLOAD_APP, workloadState(issuer));
        return new AzureServicePrincipalConformanceTest.EmulatorFixture(vault, workloadConfig(vault, issuer));
    }
}
