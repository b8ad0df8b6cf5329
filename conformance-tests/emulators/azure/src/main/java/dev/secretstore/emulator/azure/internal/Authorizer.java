package dev.secretstore.emulator.azure.internal;

import java.util.List;

/** Key Vault RBAC over the loaded role assignments, refusing with the service's 403 ForbiddenByRbac wording. */
public final class Authorizer {
    private final List<RoleAssignment> assignments;

    public Authorizer(List<RoleAssignment> assignments) {
        this.assignments = List.copyOf(assignments);
    }

    /**
     * @param secretName the secret the operation acts on, or null for vault-wide operations (lists)
     */
    public void require(Caller caller, DataAction action, String secretName, VaultOptions vault) {
        String scope = secretName == null ? "/" : "/secrets/" + secretName;
        boolean allowed = assignments.stream()
                .filter(a -> a.principalId().equalsIgnoreCase(caller.appId())
                        || a.principalId().equalsIgnoreCase(caller.objectId()))
                .anyMatch(a -> a.covers(scope) && a.role().allows(action));
        if (!allowed) {
            String resource = vault.armResourceId() + (secretName == null ? "" : "/secrets/" + secretName);
            throw new VaultException(403, "Forbidden", "Caller is not authorized to perform action on resource.\r\n"
                    + "If role assignments, deny assignments or role definitions were changed recently, please "
                    + "observe propagation time.\r\n"
                    + "Caller: " + caller.describe() + "\r\n"
                    + "Action: '" + action.actionName() + "'\r\n"
                    + "Resource: '" + resource.toLowerCase(java.util.Locale.ROOT) + "'\r\n"
                    + "Assignment: (not found)\r\n"
                    + "DenyAssignmentId: null\r\n"
                    + "DecisionReason: 'DeniedWithNoValidRBAC' \r\n"
                    + "Vault: " + vault.name() + ";location=" + vault.location() + "\r\n",
                    "ForbiddenByRbac");
        }
    }
}
