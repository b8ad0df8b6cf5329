package dev.secretstore.emulator.gcp.internal;

/**
 * Who a request without credentials acts as. When enabled, the member holds {@code role} on every project
 * (like an organisation-level grant), so credential-less clients work out of the box.
 */
public record DefaultPrincipal(boolean enabled, String member, String role) {
  public static final DefaultPrincipal BUILT_IN =
      new DefaultPrincipal(true, "user:developer@emulator.local", IamRoles.ADMIN);
}
