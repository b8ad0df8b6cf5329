package dev.secretstore.emulator.gcp.internal;

/** The service's methods, with the quota bucket each one draws on. */
public enum Rpc {
  CreateSecret(QuotaKind.WRITE),
  GetSecret(QuotaKind.READ),
  ListSecrets(QuotaKind.READ),
  UpdateSecret(QuotaKind.WRITE),
  DeleteSecret(QuotaKind.WRITE),
  AddSecretVersion(QuotaKind.WRITE),
  GetSecretVersion(QuotaKind.READ),
  ListSecretVersions(QuotaKind.READ),
  AccessSecretVersion(QuotaKind.ACCESS),
  DisableSecretVersion(QuotaKind.WRITE),
  EnableSecretVersion(QuotaKind.WRITE),
  DestroySecretVersion(QuotaKind.WRITE),
  SetIamPolicy(QuotaKind.WRITE),
  GetIamPolicy(QuotaKind.READ),
  TestIamPermissions(QuotaKind.READ);

  private final QuotaKind quotaKind;

  Rpc(QuotaKind quotaKind) {
    this.quotaKind = quotaKind;
  }

  public QuotaKind quotaKind() {
    return quotaKind;
  }
}
