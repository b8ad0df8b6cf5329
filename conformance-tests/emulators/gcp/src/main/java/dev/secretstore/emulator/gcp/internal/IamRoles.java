package dev.secretstore.emulator.gcp.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The Secret Manager predefined roles with exactly the permissions Google's access-control page lists. */
public final class IamRoles {
  public static final String ADMIN = "roles/secretmanager.admin";
  public static final String SECRET_ACCESSOR = "roles/secretmanager.secretAccessor";
  public static final String SECRET_VERSION_ADDER = "roles/secretmanager.secretVersionAdder";
  public static final String SECRET_VERSION_MANAGER = "roles/secretmanager.secretVersionManager";
  public static final String VIEWER = "roles/secretmanager.viewer";

  private static final List<String> PROJECT = List.of("resourcemanager.projects.get", "resourcemanager.projects.list");

  /** Every secretmanager.* permission the emulator knows (what the admin role's wildcard covers here). */
  public static final Set<String> ALL_SECRETMANAGER = Set.of(
      "secretmanager.locations.get", "secretmanager.locations.list",
      "secretmanager.secrets.create", "secretmanager.secrets.delete", "secretmanager.secrets.get",
      "secretmanager.secrets.getIamPolicy", "secretmanager.secrets.list", "secretmanager.secrets.setIamPolicy",
      "secretmanager.secrets.update",
      "secretmanager.versions.access", "secretmanager.versions.add", "secretmanager.versions.destroy",
      "secretmanager.versions.disable", "secretmanager.versions.enable", "secretmanager.versions.get",
      "secretmanager.versions.list");

  private static final Map<String, Set<String>> ROLES = Map.of(
      ADMIN, with(ALL_SECRETMANAGER),
      SECRET_ACCESSOR, with(Set.of("secretmanager.versions.access")),
      SECRET_VERSION_ADDER, with(Set.of("secretmanager.versions.add")),
      SECRET_VERSION_MANAGER, with(Set.of("secretmanager.versions.add", "secretmanager.versions.destroy",
          "secretmanager.versions.disable", "secretmanager.versions.enable", "secretmanager.versions.get",
          "secretmanager.versions.list")),
      VIEWER, with(Set.of("secretmanager.locations.get", "secretmanager.locations.list",
          "secretmanager.secrets.get", "secretmanager.secrets.getIamPolicy", "secretmanager.secrets.list",
          "secretmanager.versions.get", "secretmanager.versions.list")));

  private IamRoles() {}

  private static Set<String> with(Set<String> permissions) {
    Set<String> all = new TreeSet<>(permissions);
    all.addAll(PROJECT);
    return Set.copyOf(all);
  }

  public static boolean isKnown(String role) {
    return ROLES.containsKey(role);
  }

  public static Set<String> permissions(String role) {
    return ROLES.getOrDefault(role, Set.of());
  }
}
