package dev.secretstore.emulator.gcp.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Service accounts by e-mail, and their keys by key id. */
public final class ServiceAccountDirectory {
  private final Map<String, ServiceAccount> byEmail = new LinkedHashMap<>();
  private final Map<String, ServiceAccount> byKeyId = new LinkedHashMap<>();
  private final Map<String, ServiceAccountKey> keys = new LinkedHashMap<>();

  public synchronized void reset(Iterable<ServiceAccount> accounts) {
    byEmail.clear();
    byKeyId.clear();
    keys.clear();
    for (ServiceAccount a : accounts) {
      byEmail.put(a.email(), a);
      for (ServiceAccountKey k : a.keys()) {
        byKeyId.put(k.keyId(), a);
        keys.put(k.keyId(), k);
      }
    }
  }

  public synchronized Optional<ServiceAccount> byEmail(String email) {
    return Optional.ofNullable(byEmail.get(email));
  }

  public synchronized Optional<ServiceAccount> ownerOfKey(String keyId) {
    return Optional.ofNullable(byKeyId.get(keyId));
  }

  public synchronized Optional<ServiceAccountKey> key(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  public synchronized java.util.List<ServiceAccount> all() {
    return java.util.List.copyOf(byEmail.values());
  }
}
