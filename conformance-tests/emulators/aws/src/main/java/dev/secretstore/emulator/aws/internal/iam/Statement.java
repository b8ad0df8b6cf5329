package dev.secretstore.emulator.aws.internal.iam;

import java.util.List;

/**
 * One policy statement. Exactly one of {@code actions}/{@code notActions} and at most one of
 * {@code resources}/{@code notResources} is non-null. {@code principals} is used by trust policies only.
 */
record Statement(boolean allow, List<String> actions, List<String> notActions, List<String> resources,
                 List<String> notResources, PrincipalPattern principals, List<Condition> conditions) {

    boolean appliesTo(String action, String resource, RequestContext context) {
        if (actions != null && actions.stream().noneMatch(a -> Wildcard.matches(a, action, true))) {
            return false;
        }
        if (notActions != null && notActions.stream().anyMatch(a -> Wildcard.matches(a, action, true))) {
            return false;
        }
        if (resources != null && resources.stream().noneMatch(r -> Wildcard.matches(r, resource, false))) {
            return false;
        }
        if (notResources != null && notResources.stream().anyMatch(r -> Wildcard.matches(r, resource, false))) {
            return false;
        }
        return conditions.stream().allMatch(c -> c.holds(context));
    }
}
