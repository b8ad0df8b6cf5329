package dev.secretstore.emulator.gcp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Evaluates IAM: project-level bindings (from the state), the secret's own policy, and the default principal. */
public final class Authorizer {
  private final Map<Long, List<IamBinding>> projectBindings = new ConcurrentHashMap<>();
  private final Supplier<DefaultPrincipal> defaultPrincipal;

  public Authorizer(Supplier<DefaultPrincipal> defaultPrincipal) {
    this.defaultPrincipal = defaultPrincipal;
  }

  public void resetProjectBindings(Map<Long, List<IamBinding>> bindings) {
    projectBindings.clear();
    projectBindings.putAll(bindings);
  }

  public List<IamBinding> projectBindings(Project project) {
    return projectBindings.getOrDefault(project.number(), List.of());
  }

  /** Whether {@code who} holds {@code permission} on the resource named {@code resourceName}. */
  public boolean allows(Principal who, String permission, Project project, String resourceName, String resourceType,
      List<IamBinding> resourceBindings) {
    DefaultPrincipal d = defaultPrincipal.get();
    if (d.enabled() && d.member().equals(who.member()) && IamRoles.permissions(d.role()).contains(permission)) {
      return true;
    }
    Map<String, String> attributes = Map.of(
        "resource.name", resourceName,
        "resource.type", resourceType,
        "resource.service", "secretmanager.googleapis.com");
    List<IamBinding> all = new ArrayList<>(projectBindings(project));
    all.addAll(resourceBindings);
    for (IamBinding b : all) {
      if (IamRoles.permissions(b.role()).contains(permission) && isMember(who, b.members())
          && b.condition().map(c -> c.matches(attributes)).orElse(true)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMember(Principal who, List<String> members) {
    return members.contains(who.member()) || members.contains("allUsers")
        || (who.isAuthenticated() && members.contains("allAuthenticatedUsers"));
  }
}
