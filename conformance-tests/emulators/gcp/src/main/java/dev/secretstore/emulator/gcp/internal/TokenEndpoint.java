package dev.secretstore.emulator.gcp.internal;

import com.google.gson.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /token}: the OAuth 2.0 JWT-bearer grant a service-account key file's {@code token_uri} points at
 * (used by gcloud and by clients with explicitly scoped credentials). Returns an opaque access token.
 */
public final class TokenEndpoint {
  private static final Duration LIFETIME = Duration.ofHours(1);
  private final EmulatorCore core;
  private final Supplier<String> tokenUri;

  public TokenEndpoint(EmulatorCore core, Supplier<String> tokenUri) {
    this.core = core;
    this.tokenUri = tokenUri;
  }

  public void handle(HttpExchange ex) {
    Map<String, String> form = new HashMap<>();
    for (String pair : new String(ex.body(), StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
        || form.get("assertion") == null) {
      error(ex, "unsupported_grant_type", "Only the JWT bearer grant with an assertion is supported.");
      return;
    }
    ServiceAccount account;
    try {
      account = core.authenticator().verifyAssertion(form.get("assertion"), tokenUri.get());
    } catch (ApiError e) {
      error(ex, "invalid_grant", "Invalid JWT Signature.");
      return;
    }
    String token = core.tokens().issue(new Principal(account.member()), core.clock().instant().plus(LIFETIME));
    JsonObject o = new JsonObject();
    o.addProperty("access_token", token);
    o.addProperty("expires_in", LIFETIME.toSeconds() - 1);
    o.addProperty("token_type", "Bearer");
    ex.respondJson(200, o.toString());
  }

  private static void error(HttpExchange ex, String code, String description) {
    JsonObject o = new JsonObject();
    o.addProperty("error", code);
    o.addProperty("error_description", description);
    ex.respondJson(400, o.toString());
  }
}
