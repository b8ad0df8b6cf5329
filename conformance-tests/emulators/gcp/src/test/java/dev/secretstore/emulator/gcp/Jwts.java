package dev.secretstore.emulator.gcp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/** Crafts self-signed RS256 JWTs with the JDK, the way a service-account client would, or deliberately wrong. */
final class Jwts {
  private Jwts() {}

  record Key(String keyId, String email, PrivateKey privateKey) {}

  static Key fromKeyFile(String json) {
    JsonObject o = JsonParser.parseString(json).getAsJsonObject();
    String pem = o.get("private_key").getAsString().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      PrivateKey k = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
          Base64.getDecoder().decode(pem)));
      return new Key(o.get("private_key_id").getAsString(), o.get("client_email").getAsString(), k);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static PrivateKey otherKey() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair().getPrivate();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String audienceFor(SecretManagerEmulator emulator) {
    return "https://" + emulator.grpcTlsTarget() + "/google.cloud.secretmanager.v1.SecretManagerService";
  }

  static String sign(String keyId, String email, String audience, Instant issuedAt, Instant expiry,
      PrivateKey signer) {
    JsonObject header = new JsonObject();
    header.addProperty("alg", "RS256");
    header.addProperty("typ", "JWT");
    header.addProperty("kid", keyId);
    JsonObject claims = new JsonObject();
    claims.addProperty("iss", email);
    claims.addProperty("sub", email);
    claims.addProperty("aud", audience);
    claims.addProperty("iat", issuedAt.getEpochSecond());
    claims.addProperty("exp", expiry.getEpochSecond());
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input = b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(signer);
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64.encodeToString(s.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
