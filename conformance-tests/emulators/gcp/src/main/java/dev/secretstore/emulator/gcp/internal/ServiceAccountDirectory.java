package dev.secretstore.emulator.gcp.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Service accounts by e-mail, and their keys by key id. An account the state gives no key gets a generated one
 * the first time its key file is asked for.
 */
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

  /** The key a key file carries: the first configured one, else the generated one. */
  public synchronized ServiceAccountKey primaryKey(ServiceAccount account) {
    return account.keys().isEmpty() ? GeneratedKeys.forEmail(account.email()) : account.keys().get(0);
  }

  public synchronized Optional<ServiceAccount> ownerOfKey(String keyId) {
    ServiceAccount a = byKeyId.get(keyId);
    if (a != null) {
      return Optional.of(a);
    }
    return GeneratedKeys.emailOf(keyId).map(byEmail::get).filter(acc -> acc.keys().isEmpty());
  }

  public synchronized Optional<ServiceAccountKey> key(String keyId) {
    ServiceAccountKey k = keys.get(keyId);
    if (k != null) {
      return Optional.of(k);
    }
    return ownerOfKey(keyId).flatMap(acc -> GeneratedKeys.existing(acc.email()))
        .filter(g -> g.keyId().equals(keyId));
  }

  public synchronized List<ServiceAccount> all() {
    return List.copyOf(byEmail.values());
  }
}
