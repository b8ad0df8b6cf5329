package dev.secretstore.emulator.gcp.internal;

/** The service's methods, with the quota bucket each one draws on and the permission each needs. */
public enum Rpc {
  CreateSecret(QuotaKind.WRITE, "secretmanager.secrets.create"),
  GetSecret(QuotaKind.READ, "secretmanager.secrets.get"),
  ListSecrets(QuotaKind.READ, "secretmanager.secrets.list"),
  UpdateSecret(QuotaKind.WRITE, "secretmanager.secrets.update"),
  DeleteSecret(QuotaKind.WRITE, "secretmanager.secrets.delete"),
  AddSecretVersion(QuotaKind.WRITE, "secretmanager.versions.add"),
  GetSecretVersion(QuotaKind.READ, "secretmanager.versions.get"),
  ListSecretVersions(QuotaKind.READ, "secretmanager.versions.list"),
  AccessSecretVersion(QuotaKind.ACCESS, "secretmanager.versions.access"),
  DisableSecretVersion(QuotaKind.WRITE, "secretmanager.versions.disable"),
  EnableSecretVersion(QuotaKind.WRITE, "secretmanager.versions.enable"),
  DestroySecretVersion(QuotaKind.WRITE, "secretmanager.versions.destroy"),
  SetIamPolicy(QuotaKind.WRITE, "secretmanager.secrets.setIamPolicy"),
  GetIamPolicy(QuotaKind.READ, "secretmanager.secrets.getIamPolicy"),
  /** Needs no permission; the name is what an unknown project is reported with. */
  TestIamPermissions(QuotaKind.READ, "secretmanager.secrets.get");

  private final QuotaKind quotaKind;
  private final String permission;

  Rpc(QuotaKind quotaKind, String permission) {
    this.quotaKind = quotaKind;
    this.permission = permission;
  }

  /** The IAM permission the method requires (Secret Manager access-control docs). */
  public String permission() {
    return permission;
  }

  public QuotaKind quotaKind() {
    return quotaKind;
  }
}
