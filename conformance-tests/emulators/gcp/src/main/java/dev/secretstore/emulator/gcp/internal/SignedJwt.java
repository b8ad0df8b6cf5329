package dev.secretstore.emulator.gcp.internal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** A compact JWS split into its parts; verifies RS256 signatures. */
public record SignedJwt(JsonObject header, JsonObject claims, String signingInput, byte[] signature) {

  /** Parses without trusting anything; returns null when the token is not a JWS at all. */
  public static SignedJwt parse(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      Base64.Decoder d = Base64.getUrlDecoder();
      JsonObject header = JsonParser.parseString(new String(d.decode(parts[0]), StandardCharsets.UTF_8))
          .getAsJsonObject();
      JsonObject claims = JsonParser.parseString(new String(d.decode(parts[1]), StandardCharsets.UTF_8))
          .getAsJsonObject();
      return new SignedJwt(header, claims, parts[0] + "." + parts[1], d.decode(parts[2]));
    } catch (RuntimeException e) {
      return null;
    }
  }

  public String headerString(String name) {
    return header.has(name) && header.get(name).isJsonPrimitive() ? header.get(name).getAsString() : null;
  }

  public String claimString(String name) {
    return claims.has(name) && claims.get(name).isJsonPrimitive() ? claims.get(name).getAsString() : null;
  }

  public long claimLong(String name) {
    try {
      return claims.has(name) ? claims.get(name).getAsLong() : Long.MIN_VALUE;
    } catch (RuntimeException e) {
      return Long.MIN_VALUE;
    }
  }

  public boolean verifiesWith(PublicKey key) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(key);
      s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return s.verify(signature);
    } catch (java.security.GeneralSecurityException e) {
      return false;
    }
  }
}
