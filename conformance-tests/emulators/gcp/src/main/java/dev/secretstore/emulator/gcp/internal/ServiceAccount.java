package dev.secretstore.emulator.gcp.internal;

import java.util.List;

/** A service account the emulator issues keys for. */
public record ServiceAccount(String email, String projectId, List<ServiceAccountKey> keys) {
  public ServiceAccount {
    keys = List.copyOf(keys);
  }

  public String member() {
    return "serviceAccount:" + email;
  }
}
