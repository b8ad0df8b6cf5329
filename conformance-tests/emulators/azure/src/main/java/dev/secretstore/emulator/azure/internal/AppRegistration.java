package dev.secretstore.emulator.azure.internal;

import java.util.List;

/** An app registration (service principal) in a tenant, with its client secrets and federated credentials. */
public record AppRegistration(String tenantId, String clientId, String objectId, String displayName,
                              List<ClientSecretEntry> secrets, List<FederatedCredential> federatedCredentials) {
    public AppRegistration {
        secrets = List.copyOf(secrets);
        federatedCredentials = List.copyOf(federatedCredentials);
    }

    public AppRegistration(String tenantId, String clientId, String objectId, String displayName,
                           List<ClientSecretEntry> secrets) {
        this(tenantId, clientId, objectId, displayName, secrets, List.of());
    }
}
