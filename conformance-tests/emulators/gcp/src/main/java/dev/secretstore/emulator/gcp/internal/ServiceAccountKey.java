package dev.secretstore.emulator.gcp.internal;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** An RSA key of a service account, identified by the key id the client puts into the JWT's {@code kid}. */
public final class ServiceAccountKey {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final String keyId;
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private ServiceAccountKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {
    this.keyId = keyId;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  public static ServiceAccountKey generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048, RANDOM);
      KeyPair pair = g.generateKeyPair();
      byte[] id = new byte[20];
      RANDOM.nextBytes(id);
      return new ServiceAccountKey(HexFormat.of().formatHex(id), pair.getPrivate(), pair.getPublic());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation is unavailable", e);
    }
  }

  /** Reads a PKCS#8 PEM private key (the {@code private_key} of a key file) and derives its public half. */
  public static ServiceAccountKey fromPem(String keyId, String pem) {
    try {
      String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      KeyFactory f = KeyFactory.getInstance("RSA");
      PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
      RSAPrivateCrtKey crt = (RSAPrivateCrtKey) priv;
      PublicKey pub = f.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
      return new ServiceAccountKey(keyId, priv, pub);
    } catch (java.security.GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("privateKeyPem of key '" + keyId + "' is not a PKCS#8 RSA private key");
    }
  }

  public String keyId() {
    return keyId;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public String privateKeyPem() {
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .encodeToString(privateKey.getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
  }

  @Override
  public String toString() {
    return "ServiceAccountKey[" + keyId + "]";
  }
}
