package dev.secretstore.local.internal;

import java.nio.file.Path;

/** Why a store refuses writes, and what the user can do about it. */
public enum ReadOnlyReason {
  CONFIGURED {
    @Override
    String remediation(Path storeDir) {
      return "this store was opened with \"readOnly\": true; open it without readOnly (as a user allowed to"
          + " write " + storeDir + ") to change secrets";
    }
  },
  NOT_WRITABLE {
    @Override
    String remediation(Path storeDir) {
      return "the store directory " + storeDir + " is not writable by this user; grant write permission on it,"
          + " or set \"path\" to a writable directory";
    }
  };

  abstract String remediation(Path storeDir);
}
