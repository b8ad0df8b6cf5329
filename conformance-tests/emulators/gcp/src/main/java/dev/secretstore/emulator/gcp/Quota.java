package dev.secretstore.emulator.gcp;

/** The per-project, per-minute request quotas Secret Manager meters separately. */
public enum Quota {
  /** AccessSecretVersion. */
  ACCESS,
  /** Get, List, GetIamPolicy, TestIamPermissions. */
  READ,
  /** Create, Update, Delete, AddSecretVersion, Enable/Disable/Destroy, SetIamPolicy. */
  WRITE
}
