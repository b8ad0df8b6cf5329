package dev.secretstore.emulator.gcp.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Turns an {@code Authorization} header into a principal. Accepts the self-signed RS256 JWT the Google client
 * libraries send for service-account keys (audience or scope form), and access tokens from the emulator's token
 * endpoint. Anything else that is present fails as UNAUTHENTICATED; absence means the default principal.
 */
public final class Authenticator {
  static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
  private static final String SERVICE_PATH = "/google.cloud.secretmanager.v1.SecretManagerService";
  private static final long MAX_LIFETIME_SECONDS = 3600;
  private static final long CLOCK_SKEW_SECONDS = 300;
  private static final java.util.Set<String> GOOGLE_TOKEN_AUDIENCES = java.util.Set.of(
      "https://oauth2.googleapis.com/token", "https://accounts.google.com/o/oauth2/token",
      "https://www.googleapis.com/oauth2/v4/token");

  private final ServiceAccountDirectory accounts;
  private final AccessTokens tokens;
  private final Supplier<DefaultPrincipal> defaultPrincipal;
  private final Clock clock;

  public Authenticator(ServiceAccountDirectory accounts, AccessTokens tokens,
      Supplier<DefaultPrincipal> defaultPrincipal, Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.defaultPrincipal = defaultPrincipal;
    this.clock = clock;
  }

  public Principal authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      DefaultPrincipal d = defaultPrincipal.get();
      if (!d.enabled()) {
        throw ApiError.missingCredentials();
      }
      return new Principal(d.member());
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiError.unauthenticated();
    }
    String token = authorization.substring(7).trim();
    Instant now = clock.instant();
    var issued = tokens.resolve(token, now);
    if (issued.isPresent()) {
      return issued.get();
    }
    SignedJwt jwt = SignedJwt.parse(token);
    if (jwt == null) {
      throw ApiError.unauthenticated();
    }
    ServiceAccount account = verifySignedBy(jwt, now);
    if (!audienceOrScopeFitsTheApi(jwt)) {
      throw ApiError.unauthenticated();
    }
    return new Principal(account.member());
  }

  /** Verifies a JWT-bearer assertion sent to the token endpoint; its audience must be the token URI. */
  public ServiceAccount verifyAssertion(String assertion, String tokenUri) {
    SignedJwt jwt = SignedJwt.parse(assertion);
    if (jwt == null) {
      throw ApiError.unauthenticated();
    }
    ServiceAccount account = verifySignedBy(jwt, clock.instant());
    String aud = jwt.claimString("aud");
    // Google's auth libraries put Google's token server in aud whatever token_uri says; accept both.
    if (!tokenUri.equals(aud) && !GOOGLE_TOKEN_AUDIENCES.contains(aud)) {
      throw ApiError.unauthenticated();
    }
    return account;
  }

  private ServiceAccount verifySignedBy(SignedJwt jwt, Instant now) {
    String kid = jwt.headerString("kid");
    if (!"RS256".equals(jwt.headerString("alg")) || kid == null) {
      throw ApiError.unauthenticated();
    }
    ServiceAccount owner = accounts.ownerOfKey(kid).orElseThrow(ApiError::unauthenticated);
    ServiceAccountKey key = accounts.key(kid).orElseThrow(ApiError::unauthenticated);
    if (!jwt.verifiesWith(key.publicKey())) {
      throw ApiError.unauthenticated();
    }
    String sub = jwt.claimString("sub");
    if (!owner.email().equals(jwt.claimString("iss")) || (sub != null && !sub.equals(owner.email()))) {
      throw ApiError.unauthenticated();
    }
    long exp = jwt.claimLong("exp");
    long iat = jwt.claimLong("iat");
    long nowSeconds = now.getEpochSecond();
    if (exp == Long.MIN_VALUE || iat == Long.MIN_VALUE || exp <= nowSeconds || iat > nowSeconds + CLOCK_SKEW_SECONDS
        || exp - iat > MAX_LIFETIME_SECONDS) {
      throw ApiError.unauthenticated();
    }
    return owner;
  }

  private static boolean audienceOrScopeFitsTheApi(SignedJwt jwt) {
    String aud = jwt.claimString("aud");
    if (aud != null) {
      try {
        URI uri = URI.create(aud);
        String path = uri.getPath() == null ? "" : uri.getPath();
        boolean https = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
        return https && (path.isEmpty() || path.equals("/") || path.equals(SERVICE_PATH)
            || path.equals(SERVICE_PATH + "/"));
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    String scope = jwt.claimString("scope");
    return scope != null && Arrays.asList(scope.split(" ")).contains(CLOUD_PLATFORM);
  }
}
