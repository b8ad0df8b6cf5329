package dev.secretstore.local.internal;

import java.util.Arrays;

/** An AES-GCM ciphertext (tag included) with the nonce it was sealed under. */
public record Sealed(byte[] nonce, byte[] ciphertext) {
  public Sealed {
    nonce = nonce.clone();
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Sealed s && Arrays.equals(nonce, s.nonce) && Arrays.equals(ciphertext, s.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(nonce) + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "Sealed[" + ciphertext.length + " bytes]";
  }
}
