package dev.secretstore.emulator.gcp.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Opaque OAuth access tokens the emulator's token endpoint hands out (for clients that exchange a JWT first). */
public final class AccessTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, Entry> tokens = new ConcurrentHashMap<>();

  private record Entry(Principal principal, Instant expiry) {}

  public String issue(Principal principal, Instant expiry) {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    String token = "ya29.emulator." + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    tokens.put(token, new Entry(principal, expiry));
    return token;
  }

  public Optional<Principal> resolve(String token, Instant now) {
    Entry e = tokens.get(token);
    if (e == null || !now.isBefore(e.expiry())) {
      return Optional.empty();
    }
    return Optional.of(e.principal());
  }

  public void clear() {
    tokens.clear();
  }
}
