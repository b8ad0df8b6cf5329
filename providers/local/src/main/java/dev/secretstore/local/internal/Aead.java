package dev.secretstore.local.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM through JCA. Every {@link #seal} draws a fresh random 96-bit nonce: a key is never used twice
 * with the same nonce, which is the one rule GCM cannot survive breaking.
 */
public final class Aead {
  public static final int NONCE_BYTES = 12;
  public static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final MasterKey key;
  private final MasterKey previousKey;
  private final SecureRandom random;

  public Aead(MasterKey key, SecureRandom random) {
    this(key, null, random);
  }

  /**
   * During a key rotation: seals with {@code key} (the new one) and opens with either, since files are
   * re-encrypted one at a time and a rotation may be interrupted anywhere.
   */
  public Aead(MasterKey key, MasterKey previousKey, SecureRandom random) {
    this.key = key;
    this.previousKey = previousKey;
    this.random = random;
  }

  MasterKey key() {
    return key;
  }

  /** Whether this opens with a second key too (a rotation's old key). */
  boolean opensWithTwoKeys() {
    return previousKey != null;
  }

  public Sealed seal(byte[] plaintext, byte[] associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      return new Sealed(nonce, cipher.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
  }

  /**
   * Decrypts and authenticates. A wrong key, altered bytes or different associated data all fail the same
   * way, with {@link FaultKind#INTEGRITY}; callers that can tell a wrong key apart say so themselves.
   */
  public byte[] open(Sealed sealed, byte[] associatedData, String what) {
    if (sealed.nonce().length != NONCE_BYTES) {
      throw StoreFault.of(FaultKind.INTEGRITY, null, what + " is malformed (bad nonce length)");
    }
    try {
      try {
        return open(key, sealed, associatedData);
      } catch (AEADBadTagException e) {
        if (previousKey == null) {
          throw e;
        }
        return open(previousKey, sealed, associatedData);
      }
    } catch (AEADBadTagException e) {
      throw StoreFault.of(FaultKind.INTEGRITY, null,
          what + " failed its AES-GCM integrity check (altered, moved to another name or version,"
              + " or encrypted with another key)");
    } catch (GeneralSecurityException | RuntimeException e) {
      // Providers signal some malformed input (a ciphertext shorter than the tag) with ProviderException or
      // IllegalArgumentException rather than AEADBadTagException: still this record's damage, nobody else's.
      throw StoreFault.of(FaultKind.INTEGRITY, null, what + " could not be decrypted ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static byte[] open(MasterKey with, Sealed sealed, byte[] associatedData) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(Cipher.DECRYPT_MODE, with.secretKey(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
    cipher.updateAAD(associatedData);
    return cipher.doFinal(sealed.ciphertext());
  }
}
