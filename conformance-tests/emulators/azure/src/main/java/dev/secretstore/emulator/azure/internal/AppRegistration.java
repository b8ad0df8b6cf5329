package dev.secretstore.emulator.azure.internal;

import java.util.List;

/** An app registration (service principal) in a tenant, with its client secrets. */
public record AppRegistration(String tenantId, String clientId, String objectId, String displayName,
                              List<ClientSecretEntry> secrets) {
    public AppRegistration {
        secrets = List.copyOf(secrets);
    }
}
