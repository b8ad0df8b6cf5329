package dev.secretstore.emulator.azure.internal;

import java.util.Locale;

/**
 * A role given to a principal (its client id or object id) at a scope: {@code /} for the whole vault or
 * {@code /secrets/NAME} for one secret.
 */
public record RoleAssignment(String principalId, KeyVaultRole role, String scope) {

    public boolean covers(String requestScope) {
        if (scope.equals("/")) {
            return true;
        }
        return scope.toLowerCase(Locale.ROOT).equals(requestScope.toLowerCase(Locale.ROOT));
    }
}
