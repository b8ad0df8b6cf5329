package dev.secretstore.emulator.azure.internal;

import java.util.List;

/** Everything a state file configures: identities, role assignments, vault options and initial secrets. */
public record EmulatorState(List<Tenant> tenants, List<AppRegistration> apps, List<RoleAssignment> roleAssignments,
                            VaultOptions vault, List<InitialSecret> secrets, List<FederatedIssuer> federatedIssuers) {
    public EmulatorState {
        federatedIssuers = List.copyOf(federatedIssuers);
        tenants = List.copyOf(tenants);
        apps = List.copyOf(apps);
        roleAssignments = List.copyOf(roleAssignments);
        secrets = List.copyOf(secrets);
    }
}
