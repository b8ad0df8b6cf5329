package dev.secretstore.emulator.gcp.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys the emulator generates for accounts the state gives no key: made on first use (RSA generation is slow on
 * a busy machine) and shared by every emulator in the JVM, so reloads, resets and restarts keep key files valid.
 */
final class GeneratedKeys {
  private static final Map<String, ServiceAccountKey> BY_EMAIL = new ConcurrentHashMap<>();
  private static final Map<String, String> EMAIL_BY_KEY_ID = new ConcurrentHashMap<>();

  private GeneratedKeys() {}

  static ServiceAccountKey forEmail(String email) {
    return BY_EMAIL.computeIfAbsent(email, e -> {
      ServiceAccountKey k = ServiceAccountKey.generate();
      EMAIL_BY_KEY_ID.put(k.keyId(), e);
      return k;
    });
  }

  static Optional<String> emailOf(String keyId) {
    return Optional.ofNullable(EMAIL_BY_KEY_ID.get(keyId));
  }

  static Optional<ServiceAccountKey> existing(String email) {
    return Optional.ofNullable(BY_EMAIL.get(email));
  }
}
