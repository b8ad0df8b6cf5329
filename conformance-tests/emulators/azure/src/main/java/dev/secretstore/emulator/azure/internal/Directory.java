package dev.secretstore.emulator.azure.internal;

import java.util.List;
import java.util.Optional;

/** Look-ups over the loaded tenants, app registrations and trusted external token issuers. */
public record Directory(List<Tenant> tenants, List<AppRegistration> apps, List<FederatedIssuer> federatedIssuers) {

    /** The trusted issuer with exactly this {@code iss}. */
    public Optional<FederatedIssuer> issuer(String iss) {
        return federatedIssuers.stream().filter(i -> i.issuer().equals(iss)).findFirst();
    }

    /** A tenant by GUID or domain name, case-insensitively. */
    public Optional<Tenant> tenant(String idOrDomain) {
        return tenants.stream()
                .filter(t -> t.id().equalsIgnoreCase(idOrDomain)
                        || (t.domain() != null && t.domain().equalsIgnoreCase(idOrDomain)))
                .findFirst();
    }

    public Optional<AppRegistration> app(Tenant tenant, String clientId) {
        return apps.stream()
                .filter(a -> a.tenantId().equalsIgnoreCase(tenant.id()) && a.clientId().equalsIgnoreCase(clientId))
                .findFirst();
    }
}
